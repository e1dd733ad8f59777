package jsondoc

import "github.com/leadup/leadup/internal/journal"

// promisesJSON is the promise ledger in the week's and the review's JSON.
type promisesJSON struct {
	Me   promiseCountsJSON `json:"me"`
	Boss promiseCountsJSON `json:"boss"`
}

type promiseCountsJSON struct {
	Due       int `json:"due"`
	OnTime    int `json:"on_time"`
	Late      int `json:"late"`
	Overdue   int `json:"overdue"`
	Open      int `json:"open"`
	Withdrawn int `json:"withdrawn"`
}

// weekPromises is embedded in Week.
type weekPromises struct {
	Promises promisesJSON `json:"promises"`
}

func promisesOf(l journal.Ledger) promisesJSON {
	side := func(c journal.PromiseCounts) promiseCountsJSON {
		return promiseCountsJSON{Due: c.Due, OnTime: c.OnTime, Late: c.Late, Overdue: c.Overdue, Open: c.Open, Withdrawn: c.Withdrawn}
	}
	return promisesJSON{Me: side(l.Me), Boss: side(l.Boss)}
}
