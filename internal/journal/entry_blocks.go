package journal

// BlockKind describes one kind of entry block — a problem, a bet, a
// forecast — once: its name, its table and columns, the practice it stands
// for, its form fields and what closes it. The store (writing, reading,
// importing, closing, keeping the search document), the entry form and the
// closing form work from this description alone. A new block is: its file
// here (the type, its rules and its kind) with its slots and its place in
// Blocks in entry.go; its migration (table, and the search view replaced
// whole); its export codec (internal/export, one file, and a member of the
// export's Entry); its templates (web, one file, registered there with
// registerBlockView); and its part of the API's document
// (internal/server/apidoc/openapi.json).
type BlockKind struct {
	Key      string // its name: the entry form field that carries it, the entry's member in exports
	Table    string // its table: entry_id, user_id, boss_id, occurred_on, then the columns below
	Practice string // the practice an entry with the block is tagged with
	NotFound string // the message when an entry has no such block
	// Written are what the entry form writes, Recorded what closing the
	// block records; Recorded's nullable columns stay NULL until then.
	Written, Recorded []BlockField
	// Closing is the form that closes the block: its route under
	// /entries/{id}/ and the notice after a save.
	Closing, Saved string
	// Stale is an SQL condition on the block's row that holds when the
	// entry's date (?1) no longer fits the dates the block holds: moving
	// the entry there is refused with the message Moved.
	Stale, Moved string

	// Type-specific parts, filled by newBlockKind.
	get      func(*Entry) (fields []any, head *BlockEntry)
	create   func(*Entry) (fields []any, head *BlockEntry)
	share    func(to, from *Entry)
	input    func(*EntryInput) BlockInput
	newInput func(*EntryInput) BlockInput
	closer   func() BlockCloser
	shown    func(e *Entry, today string) map[string]string
}

// BlockField is one column of a block.
type BlockField struct {
	Column   string // the column, which is also the export's member and the field its rules name
	Form     string // the form field, when it is not the column's name
	Nullable bool   // stored NULL while ""
}

// FormName is the form field of the column.
func (f BlockField) FormName() string {
	if f.Form != "" {
		return f.Form
	}
	return f.Column
}

// BlockEntry is what a block reads along from its entry, for lists.
type BlockEntry struct {
	EntryID      int64
	OccurredOn   string
	EntrySummary string
	BossID       int64
	BossName     string
}

// BlockInput is a block of the entry form as sent.
type BlockInput interface {
	// Empty reports whether nothing at all was typed in the block: an
	// empty block removes a stored one.
	Empty() bool
	// Validate trims the block and reports every rule it breaks for an
	// entry dated entryDate.
	Validate(entryDate string) error
	// Fields are pointers to the block's values in the order of its
	// Written columns: each a *string or, for a repeated field, a
	// *[]string.
	Fields() []any
}

// BlockCloser is the form that closes a block: what became of it.
type BlockCloser interface {
	// Validate checks it for a block raised on entryDate; today is the
	// user's date, and nothing can be dated later.
	Validate(entryDate, today string) error
	// Fields are pointers to its values in the order of the Recorded
	// columns, each a *string.
	Fields() []any
}

// newBlockKind completes k with the accessors of block type T, which sits
// in an entry at slot, and of its input I, which sits in the entry input
// at inSlot; fields gives pointers to a block's Written then Recorded
// fields, each a *string or, for a repeated field, a *[]string; shown is
// the closing form as first shown on the entry's page.
func newBlockKind[T, I any, PI interface {
	*I
	BlockInput
}](k BlockKind, slot func(*Entry) **T, fields func(*T) ([]any, *BlockEntry), inSlot func(*EntryInput) *PI,
	closer func() BlockCloser, shown func(e *Entry, today string) map[string]string) BlockKind {
	k.get = func(e *Entry) ([]any, *BlockEntry) {
		if b := *slot(e); b != nil {
			return fields(b)
		}
		return nil, nil
	}
	k.create = func(e *Entry) ([]any, *BlockEntry) {
		b := new(T)
		*slot(e) = b
		return fields(b)
	}
	k.share = func(to, from *Entry) { *slot(to) = *slot(from) }
	k.input = func(in *EntryInput) BlockInput {
		if b := *inSlot(in); b != nil {
			return b
		}
		return nil
	}
	k.newInput = func(in *EntryInput) BlockInput {
		b := PI(new(I))
		*inSlot(in) = b
		return b
	}
	k.closer, k.shown = closer, shown
	return k
}

// Fields returns pointers to the fields of the entry's block, Written then
// Recorded, and to what it reads along; nil when the entry has none.
func (k BlockKind) Fields(e *Entry) ([]any, *BlockEntry) { return k.get(e) }

// New gives the entry a new, empty block and returns its fields as Fields
// does.
func (k BlockKind) New(e *Entry) ([]any, *BlockEntry) { return k.create(e) }

// Share gives to the block from has.
func (k BlockKind) Share(to, from *Entry) { k.share(to, from) }

// Input is the block as the entry form sent it: nil when the form did not
// carry it, which leaves a stored one alone.
func (k BlockKind) Input(in *EntryInput) BlockInput { return k.input(in) }

// NewInput gives the entry input a new, empty block and returns it.
func (k BlockKind) NewInput(in *EntryInput) BlockInput { return k.newInput(in) }

// Closer is a new, empty closing form.
func (k BlockKind) Closer() BlockCloser { return k.closer() }

// ClosingShown is the closing form as first shown on the entry's page,
// by form field: what is recorded so far, or the usual answer today.
func (k BlockKind) ClosingShown(e *Entry, today string) map[string]string { return k.shown(e, today) }

// Columns are the names of the block's columns, Written then Recorded.
func (k BlockKind) Columns() []BlockField {
	return append(append([]BlockField{}, k.Written...), k.Recorded...)
}

// GivesBlock reports whether the input carries a block that is not empty:
// one to store. A nil block leaves a stored one alone; an empty one clears
// it.
func (in *EntryInput) GivesBlock() bool {
	for _, k := range Blocks {
		if b := k.Input(in); b != nil && !b.Empty() {
			return true
		}
	}
	return false
}

// validateBlocks checks the blocks of an entry. A nil block was not sent
// and leaves a stored one alone; an empty one was cleared and removes it.
func (in *EntryInput) validateBlocks(p Problems) {
	for _, k := range Blocks {
		if b := k.Input(in); b != nil && !b.Empty() {
			for field, msg := range FieldErrors(b.Validate(in.OccurredOn)) {
				p.Add(field, msg)
			}
		}
	}
}

// AddBlockPractices tags an entry with the practice of each block it
// carries: a problem or a forecast stands for solutions, a bet for risk.
// The form calls it; an import does not, so a practice the user unticked
// stays off.
func (in *EntryInput) AddBlockPractices() {
	for _, k := range Blocks {
		if b := k.Input(in); b != nil && !b.Empty() {
			in.Practices = append(in.Practices, k.Practice)
		}
	}
}
