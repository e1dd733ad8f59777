package journal

// ImportSink takes the records of an export one at a time, in file order,
// each already checked against the rules of the forms; i is the record's
// index in its section, for messages.
type ImportSink interface {
	Boss(i int, b *Boss) error
	Priority(i int, p *Priority) error
	Entry(i int, e *Entry) error
	Schedule(i int, s *Schedule) error // with BossPublicID
	Notifications(n *NotificationSettings) error
}
