package core

import (
	"context"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// ActivePriority is an active priority as the entry form offers it, with
// its boss's name.
type ActivePriority = sqlite.ActivePriority

// EntryCursor is where the next page of the API's entry list starts.
type EntryCursor = sqlite.EntryCursor

// EntryChoices are what the entry form offers: the user's bosses (the
// archived ones too when editing, for the entry's own), the active
// priorities, and the boss of the latest entry, to preselect.
type EntryChoices struct {
	Bosses     []*journal.Boss
	Priorities []ActivePriority
	LastBossID int64
}

// entryChoices reads the entry form's choices from tx.
func entryChoices(ctx context.Context, tx *sqlite.DB, userID int64, editing bool) (ch EntryChoices, err error) {
	if ch.Bosses, err = tx.FindBosses(ctx, userID, editing); err != nil {
		return ch, err
	}
	if ch.Priorities, err = tx.FindActivePriorities(ctx, userID); err != nil {
		return ch, err
	}
	ch.LastBossID, err = tx.LastEntryBossID(ctx, userID)
	return ch, err
}

// EntryChoices reads the entry form's choices in one snapshot: the new
// entry page, and a refused entry form shown again.
func (c *Core) EntryChoices(ctx context.Context, userID int64, editing bool) (ch EntryChoices, err error) {
	err = c.db.View(ctx, func(tx *sqlite.DB) error {
		ch, err = entryChoices(ctx, tx, userID, editing)
		return err
	})
	return ch, err
}

// EntryEdit is the edit page of an entry: the entry and the form's
// choices.
type EntryEdit struct {
	Entry   *journal.Entry
	Choices EntryChoices
}

// EntryEditPage reads the edit page of the user's entry id in one
// snapshot.
func (c *Core) EntryEditPage(ctx context.Context, userID, id int64) (*EntryEdit, error) {
	p := &EntryEdit{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if p.Entry, err = tx.FindEntry(ctx, userID, id); err != nil {
			return err
		}
		p.Choices, err = entryChoices(ctx, tx, userID, true)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// EntryView is an entry's page: the entry, its follow-ups in the page's
// order, and the form token that created it (so a draft kept under it can
// be dropped).
type EntryView struct {
	Entry        *journal.Entry
	FollowUps    []*journal.FollowUp
	CreatedToken string
}

// EntryPage reads the page of the user's entry id in one snapshot.
func (c *Core) EntryPage(ctx context.Context, userID, id int64) (*EntryView, error) {
	p := &EntryView{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if p.Entry, err = tx.FindEntry(ctx, userID, id); err != nil {
			return err
		}
		p.FollowUps = journal.ByDue(p.Entry.FollowUps) // in the page's order
		p.CreatedToken, err = tx.FindKeyOf(ctx, userID, sqlite.KindEntry, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Entry reads the user's entry id.
func (c *Core) Entry(ctx context.Context, userID, id int64) (*journal.Entry, error) {
	return c.db.FindEntry(ctx, userID, id)
}

// EntryByPublicID reads the user's entry by its public id, in one
// snapshot.
func (c *Core) EntryByPublicID(ctx context.Context, userID int64, publicID string) (e *journal.Entry, err error) {
	err = c.db.View(ctx, func(tx *sqlite.DB) error {
		id, err := tx.EntryIDByPublicID(ctx, userID, publicID)
		if err != nil {
			return err
		}
		e, err = tx.FindEntry(ctx, userID, id)
		return err
	})
	return e, err
}

// EntryIDByPublicID finds the row id of the user's entry by its public id.
func (c *Core) EntryIDByPublicID(ctx context.Context, userID int64, publicID string) (int64, error) {
	return c.db.EntryIDByPublicID(ctx, userID, publicID)
}

// LogEntry saves a new entry, with the follow-up fu if not nil, once per
// key. Unless since is zero, an entry with the same boss, date and
// summary saved since then is not doubled: its id comes back as twin and
// nothing is written.
func (c *Core) LogEntry(ctx context.Context, userID int64, key OnceKey, in journal.EntryInput, fu *journal.FollowUpInput, since time.Time) (id int64, replay bool, twin int64, err error) {
	return c.db.CreateEntryUnlessTwin(ctx, userID, key, in, fu, since)
}

// UpdateEntry saves the changes to the user's entry id.
func (c *Core) UpdateEntry(ctx context.Context, userID, id int64, in journal.EntryInput) error {
	return c.db.UpdateEntry(ctx, userID, id, in)
}

// DeleteEntry deletes the user's entry id with its parts.
func (c *Core) DeleteEntry(ctx context.Context, userID, id int64) error {
	return c.db.DeleteEntry(ctx, userID, id)
}

// EntryListPage is one page of the entry list or search, with the number
// of entries that match, as the store reads it.
type EntryListPage = sqlite.EntryPage

// EntryList is the entries page: the bosses to filter by and, when the
// filter is valid, one page of the entries it finds.
type EntryList struct {
	Bosses []*journal.Boss
	Page   *EntryListPage
}

// EntriesPage reads the entries page in one snapshot. The list is read
// only when valid is true: a refused filter shows the form alone.
func (c *Core) EntriesPage(ctx context.Context, userID int64, f journal.EntryFilter, valid bool) (*EntryList, error) {
	l := &EntryList{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if l.Bosses, err = tx.FindBosses(ctx, userID, true); err != nil || !valid {
			return err
		}
		l.Page, err = tx.ListEntries(ctx, userID, f)
		return err
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// FindEntries reads, in one snapshot, up to limit of the user's entries
// after the cursor that match f, with the boss given by its public id
// (empty for every boss). problems holds what is already wrong with the
// request; an unknown boss is added to it, and while it is not empty
// nothing is listed.
func (c *Core) FindEntries(ctx context.Context, userID int64, bossPublicID string, f journal.EntryFilter, after *EntryCursor, limit int, problems journal.Problems) (entries []*journal.Entry, next *EntryCursor, err error) {
	err = c.db.View(ctx, func(tx *sqlite.DB) error {
		if bossPublicID != "" {
			id, err := tx.BossIDByPublicID(ctx, userID, bossPublicID)
			if err := knownID(&f.BossID, id, err, problems, "boss", "No boss of yours has that id."); err != nil {
				return err
			}
		}
		if len(problems) > 0 {
			return nil
		}
		entries, next, err = tx.FindEntryPage(ctx, userID, f, after, limit)
		return err
	})
	return entries, next, err
}

// knownID keeps in *dst the row id that a public id was looked up as. A
// public id that names none of the user's records is a problem beside
// field, not a 404; any other error is returned.
func knownID(dst *int64, id int64, err error, problems journal.Problems, field, msg string) error {
	switch journal.ErrorCode(err) {
	case "":
		*dst = id
	case journal.ENOTFOUND:
		problems.Add(field, msg)
	default:
		return err
	}
	return nil
}

// EntryLinks are the boss and the priority an API request links an entry
// to, by public id: nil leaves the entry's own, an empty priority clears
// it.
type EntryLinks struct {
	BossID     *string
	PriorityID *string
}

// ResolveIDs lays the public ids of ids over in as row ids, in one
// snapshot; an id naming none of the user's records is added to problems.
func (c *Core) ResolveIDs(ctx context.Context, userID int64, ids EntryLinks, in *journal.EntryInput, problems journal.Problems) error {
	if ids.BossID == nil && ids.PriorityID == nil {
		return nil
	}
	return c.db.View(ctx, func(tx *sqlite.DB) error {
		if ids.BossID != nil {
			id, err := tx.BossIDByPublicID(ctx, userID, *ids.BossID)
			if err := knownID(&in.BossID, id, err, problems, "boss", "No boss of yours has that id."); err != nil {
				return err
			}
		}
		if ids.PriorityID != nil {
			in.PriorityID = 0
			if *ids.PriorityID != "" {
				id, err := tx.PriorityIDByPublicID(ctx, userID, *ids.PriorityID)
				if err := knownID(&in.PriorityID, id, err, problems, "priority", "No priority of yours has that id."); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// CreateEntry saves a new entry from the API once per key.
func (c *Core) CreateEntry(ctx context.Context, userID int64, key OnceKey, in journal.EntryInput) (id int64, replay bool, err error) {
	return c.db.CreateEntryOnce(ctx, userID, key, in, nil)
}
