package export

import (
	"io"

	"github.com/leadup/leadup/internal/journal"
)

// collect streams a file into one Import, for tests that compare what was
// read as a whole.
func collect(r io.Reader, today string) (*journal.Import, error) {
	imp := &journal.Import{}
	if err := Stream(r, today, collector{imp}); err != nil {
		return nil, err
	}
	return imp, nil
}

// collector gathers a streamed file into one Import.
type collector struct{ imp *journal.Import }

func (c collector) Boss(_ int, b *journal.Boss) error {
	c.imp.Bosses = append(c.imp.Bosses, b)
	return nil
}

func (c collector) Priority(_ int, p *journal.Priority) error {
	c.imp.Priorities = append(c.imp.Priorities, p)
	return nil
}

func (c collector) Entry(_ int, e *journal.Entry) error {
	c.imp.Entries = append(c.imp.Entries, e)
	return nil
}

func (c collector) Schedule(_ int, s *journal.Schedule) error {
	c.imp.Schedules = append(c.imp.Schedules, s)
	return nil
}

func (c collector) Notifications(n *journal.NotificationSettings) error {
	c.imp.Notifications = n
	return nil
}
