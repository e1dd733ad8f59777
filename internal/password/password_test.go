package password

import (
	"runtime"
	"strings"
	"sync"
	"testing"
)

func TestHashVerify(t *testing.T) {
	h := NewHasher(Default)
	enc, err := h.Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("got %q, want a PHC argon2id string with OWASP parameters", enc)
	}
	tests := []struct {
		password string
		want     bool
	}{
		{"correct horse battery", true},
		{"correct horse batterY", false},
		{"correct horse battery ", false},
		{"", false},
	}
	for _, tt := range tests {
		got, err := h.Verify(tt.password, enc)
		if err != nil || got != tt.want {
			t.Errorf("Verify(%q) = %v, %v; want %v", tt.password, got, err, tt.want)
		}
	}
	if h.NeedsRehash(enc) {
		t.Error("a fresh hash needs no rehash")
	}
}

func TestNoTruncation(t *testing.T) {
	h := NewHasher(Default)
	long := strings.Repeat("a", 1000)
	enc, err := h.Hash(long + "X")
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := h.Verify(long+"Y", enc); ok {
		t.Fatal("passwords differing only after byte 1000 verified as equal")
	}
}

func TestSaltsDiffer(t *testing.T) {
	h := NewHasher(Default)
	a, _ := h.Hash("same password")
	b, _ := h.Hash("same password")
	if a == b {
		t.Fatal("two hashes of one password are equal: salt is not random")
	}
}

func TestVerifyMalformed(t *testing.T) {
	h := NewHasher(Default)
	for _, enc := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=19456,t=2,p=1$!!$AAAA"} {
		if ok, err := h.Verify("x", enc); ok || err == nil {
			t.Errorf("Verify(%q) = %v, %v; want false and an error", enc, ok, err)
		}
	}
}

// TestHashesRunOneAtATime: however many sign-ins arrive together, one
// hash's memory is held at a time. Eight goroutines hash at once through a
// derivation that counts how many run together; each waits until the
// others have had every chance to start.
func TestHashesRunOneAtATime(t *testing.T) {
	h := NewHasher(Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
	var mu sync.Mutex
	var now, most, calls int
	h.kdf = func(password, salt []byte, time, memory uint32, threads uint8, keyLen uint32) []byte {
		mu.Lock()
		now++
		calls++
		most = max(most, now)
		mu.Unlock()
		for range 100 {
			runtime.Gosched()
		}
		mu.Lock()
		now--
		mu.Unlock()
		return make([]byte, keyLen)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := h.Hash("correct horse battery"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if calls != 8 || most != 1 {
		t.Fatalf("8 hashes ran with at most %d at once (%d calls), want 1 at a time", most, calls)
	}
}

// TestHashGivesMemoryBack: after a hash at the default cost, the 19 MiB it
// used is neither in use nor kept resident by Go's heap.
func TestHashGivesMemoryBack(t *testing.T) {
	h := NewHasher(Default)
	if _, err := h.Hash("correct horse battery"); err != nil {
		t.Fatal(err)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	held := m.HeapInuse + m.HeapIdle - m.HeapReleased
	if limit := uint64(Default.Memory) * 1024 / 2; held > limit {
		t.Fatalf("after a hash the heap holds %d bytes of memory, want at most %d", held, limit)
	}
}
