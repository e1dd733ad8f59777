package journal

// Import is a whole journal read from an export file, to be merged into an
// account by public id.
type Import struct {
	Bosses     []*Boss
	Priorities []*Priority
	Entries    []*Entry // with their FollowUps

	Schedules     []*Schedule           // with BossPublicID
	Notifications *NotificationSettings // nil when the file has none
}

// ImportCounts says what an import did to one kind of record.
type ImportCounts struct {
	Added, Updated, Unchanged int
}

// ImportResult says what an import did.
type ImportResult struct {
	Bosses, Priorities, Entries, FollowUps ImportCounts
}
