package web

import (
	"context"
	"fmt"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
)

// WeekView is the weekly practice summary page.
type WeekView struct {
	S         *journal.WeekSummary
	PrevURL   string
	NextURL   string // "" for the current week
	IsCurrent bool
	Days      []DayGroup
	Chart     Chart
	Today     string
}

// DayGroup is one day's entries.
type DayGroup struct {
	Date    string
	Entries []*journal.Entry
}

// GroupByDay groups entries, already in date order, by day.
func GroupByDay(entries []*journal.Entry) []DayGroup {
	var out []DayGroup
	for _, e := range entries {
		if len(out) == 0 || out[len(out)-1].Date != e.OccurredOn {
			out = append(out, DayGroup{Date: e.OccurredOn})
		}
		out[len(out)-1].Entries = append(out[len(out)-1].Entries, e)
	}
	return out
}

// Chart is the trend as stacked bars, laid out for an inline SVG.
type Chart struct {
	Width, Height int
	Bars          []Bar
	Max           int
}

// Bar is one week's column.
type Bar struct {
	Label    string // set by the chart's maker (a month's name); "" for a week's
	Week     int    // the ISO week's number, for a week's bar (see barLabel)
	X, W     int
	LabelX   int
	Segments []Segment
	Total    int
}

// Segment is one practice's part of a bar.
type Segment struct {
	Key  string
	Y, H int
}

const (
	chartW, chartH = 600, 180
	chartTop       = 10
	chartBottom    = 24 // room for the week labels
)

// NewChart lays out the trend: one bar per week, stacked by practice.
func NewChart(trend []journal.TrendWeek) Chart {
	c := Chart{Width: chartW, Height: chartH}
	for _, tw := range trend {
		sum := 0
		for _, n := range tw.Practices {
			sum += n
		}
		c.Max = max(c.Max, sum)
	}
	slot := chartW / max(len(trend), 1)
	plot := chartH - chartTop - chartBottom
	for i, tw := range trend {
		b := Bar{Week: tw.Week.Num, X: i*slot + slot/6, W: slot * 2 / 3, LabelX: i*slot + slot/2}
		y := chartH - chartBottom
		for _, p := range journal.Practices {
			n := tw.Practices[p.Key]
			b.Total += n
			if n == 0 || c.Max == 0 {
				continue
			}
			h := n * plot / c.Max
			if h < 2 {
				h = 2
			}
			y -= h
			b.Segments = append(b.Segments, Segment{Key: p.Key, Y: y, H: h})
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

func itoa(n int) string { return strconv.Itoa(n) }

// onTimeText describes an on-time rate in the reader's language: "2 of 3
// kept on time (67%)".
func onTimeText(ctx context.Context, o journal.OnTime) string {
	rate, ok := o.Rate()
	if !ok {
		return t(ctx, "week.nothing_due")
	}
	return t(ctx, "week.kept_on_time", map[string]any{"Kept": o.Kept, "Due": o.Due, "Percent": percent(ctx, rate)})
}

// streakText is the run of weeks with an entry, in the reader's language.
func streakText(ctx context.Context, s *journal.WeekSummary) string {
	if s.StreakCapped {
		return loc(ctx).N("week.streak_capped", journal.MaxStreak)
	}
	return loc(ctx).N("week.streak", s.Streak)
}

// barLabel is what the chart writes under a bar: its label, or a week's
// number as the reader's language writes it ("W48", "KW48").
func barLabel(ctx context.Context, b Bar) string {
	if b.Label != "" || b.Week == 0 {
		return b.Label
	}
	return t(ctx, "week_chart.bar", map[string]any{"Num": fmt.Sprintf("%02d", b.Week)})
}
