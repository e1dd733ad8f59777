package i18n

import (
	"strings"
	"testing"
)

// TestLoadParsesAfterReturning: Load returns having checked the default
// language against the files' names, with the tags, the default and the
// matching of a browser's languages ready, before any message is parsed;
// a localizer then waits for the messages. leadup serve's start parses
// the files (26 ms) beside opening the database, not before it.
func TestLoadParsesAfterReturning(t *testing.T) {
	gate := make(chan struct{})
	beforeParse = func() { <-gate }
	t.Cleanup(func() { beforeParse = func() {} })

	c, err := Load("de")
	if err != nil {
		t.Fatal(err)
	}
	if c.done.Load() {
		t.Fatal("the messages were parsed before Load returned")
	}
	if got := c.Default(); got != "de" {
		t.Errorf("Default() = %q, want de", got)
	}
	if !c.Has("fr") || c.Has("pt") {
		t.Errorf("Has(fr) %v, Has(pt) %v; want true, false", c.Has("fr"), c.Has("pt"))
	}
	if got := c.Match("fr-CH, fr;q=0.9, en;q=0.8"); got != "fr" {
		t.Errorf("Match = %q, want fr", got)
	}

	got := make(chan string)
	go func() { got <- c.Localizer("es").T(NameID) }()
	close(gate)
	if name := <-got; name != "Español" {
		t.Errorf("es is named %q, want Español", name)
	}
	if n := len(c.Languages()); n != 4 {
		t.Errorf("%d languages, want 4", n)
	}
}

// TestReadySaysAFileDidNotParse: a message file that does not parse is
// Ready's error, which stops leadup serve before it listens.
func TestReadySaysAFileDidNotParse(t *testing.T) {
	readFile = func(name string) ([]byte, error) {
		if strings.HasSuffix(name, "active.de.toml") {
			return []byte("[broken\n"), nil
		}
		return files.ReadFile(name)
	}
	t.Cleanup(func() { readFile = files.ReadFile })
	c, err := Load("en")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Ready(); err == nil || !strings.Contains(err.Error(), "active.de.toml") {
		t.Fatalf("Ready() = %v, want the German file's parse error", err)
	}
	readFile = files.ReadFile
	ok, err := Load("en")
	if err != nil {
		t.Fatal(err)
	}
	if err := ok.Ready(); err != nil {
		t.Fatalf("Ready() = %v for the embedded files", err)
	}
}
