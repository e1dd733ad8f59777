package export

import "github.com/leadup/leadup/internal/journal"

// The JSON API shows records exactly as the export does; these give it the
// export's shapes. The entry and priority must carry the public ids of
// what they refer to.

// EntryOf returns an entry, with its follow-ups, as exported.
func EntryOf(e *journal.Entry) Entry { return fromEntry(e) }

// BossOf returns a boss as exported.
func BossOf(b *journal.Boss) Boss { return fromBoss(b) }

// FollowUpOf returns a follow-up as exported inside its entry.
func FollowUpOf(f *journal.FollowUp) FollowUp {
	return fromEntry(&journal.Entry{FollowUps: []*journal.FollowUp{f}}).FollowUps[0]
}
