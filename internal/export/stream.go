package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/leadup/leadup/internal/journal"
)

// Stream reads a JSON export from r one record at a time, checks each as
// Read does, and hands it to sink, so an import holds one record in memory
// rather than the file and a decoded copy of it. Records reach sink in the
// order bosses, priorities, entries, which is the order the export writes:
// a file whose sections were reordered (by a tool that sorts keys, say)
// has a later section held in memory until the sections it refers to have
// been read. After the first problem, records are still checked, for the
// list of problems, but no longer handed on; the caller's transaction
// undoes what was.
func Stream(r io.Reader, today string, sink journal.ImportSink) error {
	s := &stream{dec: json.NewDecoder(r), today: today, sink: sink, v: validator{ids: map[string]string{}}, seen: map[string]bool{}}
	if err := s.run(); err != nil {
		return err
	}
	if err := s.checkHead(); err != nil {
		return err
	}
	for _, name := range readOrder {
		s.seen[name] = true
	}
	if err := s.flush(); err != nil {
		return err
	}
	if len(s.v.problems) > 0 {
		return invalid(strings.Join(s.v.problems, "\n"))
	}
	return nil
}

// readOrder is the order in which sections reach the sink: each refers
// only to sections before it.
var readOrder = []string{"bosses", "priorities", "entries", "schedules", "notifications"}

type stream struct {
	dec   *json.Decoder
	today string
	sink  journal.ImportSink
	v     validator
	f     File // the head only

	seen map[string]bool           // sections read to the end
	held map[string][]func() error // records of sections read too early
}

// ready reports whether a section's records can go to the sink: the
// sections before it, which it refers to, have been read.
func (s *stream) ready(name string) bool {
	for _, before := range readOrder {
		if before == name {
			return true
		}
		if !s.seen[before] {
			return false
		}
	}
	return true
}

// flush hands on the held records whose sections are now ready, in
// section order.
func (s *stream) flush() error {
	for _, name := range readOrder {
		if !s.ready(name) {
			return nil
		}
		for _, fn := range s.held[name] {
			if err := s.hand(fn); err != nil {
				return err
			}
		}
		delete(s.held, name)
	}
	return nil
}

// delim reads the next token, which must be want, opening or closing
// the value at path.
func (s *stream) delim(path string, want json.Delim) error {
	t, err := s.dec.Token()
	if err != nil {
		return readErr(path, err)
	}
	if d, ok := t.(json.Delim); ok && d == want {
		return nil
	}
	what := map[json.Delim]string{'{': "an object ({…})", '[': "a list ([…])", '}': "the end of an object", ']': "the end of a list"}[want]
	if path == "" {
		return invalid(fmt.Sprintf("The file is not a leadup export: it should be %s, and is not at byte %d.", what, s.dec.InputOffset()))
	}
	return invalid(fmt.Sprintf("%s: should be %s.", path, what))
}

func (s *stream) checkHead() error {
	if s.f.Format != Format {
		return invalid(fmt.Sprintf("format: is not %q, so the file is not a leadup export.", Format))
	}
	return s.checkVersion()
}

func (s *stream) checkVersion() error {
	if s.f.Version != Version {
		return invalid(fmt.Sprintf("version: this is a version %d leadup export; this server reads version %d.", s.f.Version, Version))
	}
	return nil
}

func (s *stream) run() error {
	if err := s.delim("", '{'); err != nil {
		return err
	}
	for s.dec.More() {
		t, err := s.dec.Token()
		if err != nil {
			return readErr("", err)
		}
		key, _ := t.(string)
		// A wrong head stops the import as soon as it is read.
		switch key {
		case "format":
			if err = s.decode(key, &s.f.Format); err == nil {
				err = s.checkHead()
				if s.f.Format == Format {
					err = nil // the version may come later
				}
			}
			if err != nil {
				return err
			}
			continue
		case "version":
			if err = s.decode(key, &s.f.Version); err == nil {
				err = s.checkVersion()
			}
			if err != nil {
				return err
			}
			continue
		case "bosses", "priorities", "entries", "schedules":
			if err := s.section(key); err != nil {
				return err
			}
			s.seen[key] = true
			if err := s.flush(); err != nil {
				return err
			}
			continue
		case "notifications":
			if err := s.notifications(); err != nil {
				return err
			}
			s.seen[key] = true
			if err := s.flush(); err != nil {
				return err
			}
			continue
		default:
			var skip json.RawMessage
			err = readErr(key, s.dec.Decode(&skip))
		}
		if err != nil {
			return err
		}
	}
	if err := s.delim("", '}'); err != nil {
		return err
	}
	// An export is one JSON object: anything after it means the file is
	// two joined, or damaged, and importing the first part would hide that.
	if _, err := s.dec.Token(); !errors.Is(err, io.EOF) {
		return invalid("The file has more after the end of the export. It may be damaged, or two files joined; import the export alone.")
	}
	return nil
}

// notifications reads the optional settings object, which may be null.
func (s *stream) notifications() error {
	var n *Notifications
	if err := s.decode("notifications", &n); err != nil {
		return err
	}
	if n != nil {
		rec := s.v.notifications(*n)
		return s.pass("notifications", func() error { return s.sink.Notifications(rec) })
	}
	return nil
}

// section reads one array of records.
func (s *stream) section(name string) error {
	if err := s.delim(name, '['); err != nil {
		return err
	}
	for i := 0; s.dec.More(); i++ {
		path := fmt.Sprintf("%s[%d]", name, i)
		var err error
		switch name {
		case "bosses":
			var b Boss
			if err = s.decode(path, &b); err == nil {
				rec := s.v.boss(path, b)
				err = s.pass(name, func() error { return s.sink.Boss(i, rec) })
			}
		case "priorities":
			var p Priority
			if err = s.decode(path, &p); err == nil {
				rec := s.v.priority(path, p)
				err = s.pass(name, func() error { return s.sink.Priority(i, rec) })
			}
		case "schedules":
			var sc Schedule
			if err = s.decode(path, &sc); err == nil {
				rec := s.v.schedule(path, sc)
				err = s.pass(name, func() error { return s.sink.Schedule(i, rec) })
			}
		default:
			var e Entry
			if err = s.decode(path, &e); err == nil {
				rec := s.v.entry(path, e, s.today)
				err = s.pass(name, func() error { return s.sink.Entry(i, rec) })
			}
		}
		if err != nil {
			return err
		}
	}
	return s.delim(name, ']')
}

// hand passes a record on while the file has no problems.
func (s *stream) hand(fn func() error) error {
	if len(s.v.problems) > 0 {
		return nil
	}
	return fn()
}

// pass hands a record of section name on now, or holds it until the
// sections before it have been read.
func (s *stream) pass(name string, fn func() error) error {
	if s.ready(name) {
		return s.hand(fn)
	}
	if s.held == nil {
		s.held = map[string][]func() error{}
	}
	s.held[name] = append(s.held[name], fn)
	return nil
}

// Check reads a JSON export from r and reports every problem Stream would
// find without the account's records: everything but whether references
// to records not in the file resolve.
func Check(r io.Reader, today string) error {
	return Stream(r, today, discard{})
}

// Collect is Check that also keeps the checked records, in the order
// Stream hands them on, for Replay.
func Collect(r io.Reader, today string) (*Records, error) {
	rec := &Records{}
	if err := Stream(r, today, rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// Records are an export's checked records, ready to hand to a sink again
// without reading and checking the file a second time.
type Records struct {
	calls []func(journal.ImportSink) error
}

// Replay hands the records to sink, in Stream's order.
func (r *Records) Replay(sink journal.ImportSink) error {
	for _, call := range r.calls {
		if err := call(sink); err != nil {
			return err
		}
	}
	return nil
}

func (r *Records) keep(call func(journal.ImportSink) error) error {
	r.calls = append(r.calls, call)
	return nil
}

// Records is a journal.ImportSink that keeps what it is handed.

// Boss keeps a boss.
func (r *Records) Boss(i int, b *journal.Boss) error {
	return r.keep(func(s journal.ImportSink) error { return s.Boss(i, b) })
}

// Priority keeps a priority.
func (r *Records) Priority(i int, p *journal.Priority) error {
	return r.keep(func(s journal.ImportSink) error { return s.Priority(i, p) })
}

// Entry keeps an entry.
func (r *Records) Entry(i int, e *journal.Entry) error {
	return r.keep(func(s journal.ImportSink) error { return s.Entry(i, e) })
}

// Schedule keeps a schedule.
func (r *Records) Schedule(i int, sc *journal.Schedule) error {
	return r.keep(func(s journal.ImportSink) error { return s.Schedule(i, sc) })
}

// Notifications keeps the reminder settings.
func (r *Records) Notifications(n *journal.NotificationSettings) error {
	return r.keep(func(s journal.ImportSink) error { return s.Notifications(n) })
}

// discard is a sink that keeps nothing.
type discard struct{}

func (discard) Boss(int, *journal.Boss) error                     { return nil }
func (discard) Priority(int, *journal.Priority) error             { return nil }
func (discard) Entry(int, *journal.Entry) error                   { return nil }
func (discard) Schedule(int, *journal.Schedule) error             { return nil }
func (discard) Notifications(*journal.NotificationSettings) error { return nil }
