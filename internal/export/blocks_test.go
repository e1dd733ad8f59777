package export

import (
	"encoding/json"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestEveryBlockHasItsCodec holds the export's codecs to journal.Blocks,
// one each in the same order: the codec at a block's place writes the
// member and the CSV column named by that block's key, and only it.
func TestEveryBlockHasItsCodec(t *testing.T) {
	if len(blockCodecs) != len(journal.Blocks) {
		t.Fatalf("%d codecs for %d blocks", len(blockCodecs), len(journal.Blocks))
	}
	for i, k := range journal.Blocks {
		var e journal.Entry
		k.New(&e)
		b, err := json.Marshal(fromEntry(&e))
		if err != nil {
			t.Fatal(err)
		}
		var members map[string]json.RawMessage
		if err := json.Unmarshal(b, &members); err != nil {
			t.Fatal(err)
		}
		for _, other := range journal.Blocks {
			if _, ok := members[other.Key]; ok != (other.Key == k.Key) {
				t.Errorf("an entry with a %s: member %q present %v", k.Key, other.Key, ok)
			}
		}
		if h := CSVHeader[len(CSVHeader)-len(journal.Blocks)+i]; h != k.Key || blockCodecs[i].text(&e) == "" {
			t.Errorf("CSV column %d is %q with text %q, want %q's", i, h, blockCodecs[i].text(&e), k.Key)
		}
	}
}
