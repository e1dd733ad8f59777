package markdown

import (
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/markdown/mdtest"
)

// exportOf places notes the way the Markdown export does: each after a
// heading and a blank line, with a task-list follow-up after them whose
// "[x]" a link definition in the notes must not turn into a link.
func exportOf(notes ...string) string {
	var b strings.Builder
	b.WriteString("# Ann's journal\n")
	for _, n := range notes {
		b.WriteString("\n### Mon 1 Jun 2026: " + Text(n) + "\n\n" + Inert(n) + "\n")
		b.WriteString("\nFollow-ups:\n\n- [x] Me: " + Text(n) + "\n")
	}
	return b.String()
}

func TestInertLeavesNoLiveMarkup(t *testing.T) {
	for _, h := range mdtest.Hostile {
		got := Inert(h)
		if live := mdtest.LiveMarkup([]byte(got)); len(live) > 0 {
			t.Errorf("Inert(%q) = %q renders %q", h, got, live)
		}
		if live := mdtest.LiveMarkup([]byte(exportOf(h))); len(live) > 0 {
			t.Errorf("an export holding %q renders %q", h, live)
		}
	}
	// An unclosed fence in one entry's notes must not pair with a fence in
	// the next, which would turn that entry's code into markup.
	doc := exportOf("```\nstill open", "```\n<img src=x onerror=alert(1)>\n```")
	if live := mdtest.LiveMarkup([]byte(doc)); len(live) > 0 {
		t.Errorf("fences across entries render %q:\n%s", live, doc)
	}
}

// TestInertEscapesRatherThanStrips: what was typed reads back as typed;
// nothing is cut out, so nothing can be rebuilt from what was around it.
func TestInertEscapesRatherThanStrips(t *testing.T) {
	for _, in := range []string{
		`<scr<!-- -->ipt>alert(1)</script>`,
		`<im<!---->g src=x onerror=alert(1)>`,
		`Before <img src=x onerror=alert(1)> after`,
		`[x](javascript:alert(1))`,
		`<javascript:alert(1)>`,
	} {
		got := Inert(in)
		if text := mdtest.Text([]byte(got)); text != in {
			t.Errorf("Inert(%q) = %q reads %q, want the text as typed", in, got, text)
		}
	}
}

func TestInertKeepsMarkdown(t *testing.T) {
	for _, in := range []string{
		"We agreed on **scope** and [the doc](https://example.com/doc).",
		"- one\n- two\n\n> quote\n\n`<b>code</b>` stays code\n\n```\n<img src=x>\n```",
		"Mail <mailto:dana@example.com> or see <https://example.com>.\n\n[ref]: https://example.com",
	} {
		if got := Inert(in); got != in {
			t.Errorf("Inert(%q) = %q, want it unchanged", in, got)
		}
	}
}

func FuzzInert(f *testing.F) {
	for i, h := range mdtest.Hostile {
		f.Add(h, mdtest.Hostile[(i+1)%len(mdtest.Hostile)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		doc := exportOf(a, b)
		if live := mdtest.LiveMarkup([]byte(doc)); len(live) > 0 {
			t.Errorf("notes %q and %q render %q:\n%s", a, b, live, doc)
		}
	})
}

func BenchmarkInert(b *testing.B) {
	short := "We agreed on **scope**; [the doc](https://example.com/doc) has the plan."
	long := strings.Repeat("- Shipped the <b>beta</b> and [notes](https://example.com) `code`\n", 20000/70)
	for name, notes := range map[string]string{"short": short, "20k": long} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Inert(notes)
			}
		})
	}
}
