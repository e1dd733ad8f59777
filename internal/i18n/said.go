package i18n

import (
	"fmt"
	"regexp"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// saidField is a field of a said message's English text: {{.Name}}.
var saidField = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// saidPattern is a said message whose English text has fields, for a
// message the Go code builds with values in it (fmt.Sprintf, or words
// joined around a name): it is found by matching the English text, and
// its fields are filled from what they matched.
type saidPattern struct {
	id     string
	re     *regexp.Regexp
	fields []string // the name of each of re's groups, in order
}

// learnSaid records the English messages under saidPrefix, by their
// text. Two ids with one English text would leave Said to pick either,
// and their translations could differ: that is refused.
func (c *Catalog) learnSaid(msgs []*goi18n.Message) error {
	seen := map[string]string{}
	for _, m := range msgs {
		if !strings.HasPrefix(m.ID, saidPrefix) {
			continue
		}
		if other, dup := seen[m.Other]; dup {
			return fmt.Errorf("%s and %s have the same English text %q: keep one", other, m.ID, m.Other)
		}
		seen[m.Other] = m.ID
		if saidField.MatchString(m.Other) {
			c.patterns = append(c.patterns, newSaidPattern(m.ID, m.Other))
		} else {
			c.said[m.Other] = m.ID
		}
	}
	return nil
}

// newSaidPattern compiles the English text of a said message with fields
// into a pattern that matches the text the Go code writes: the words as
// they are, each field any text.
func newSaidPattern(id, english string) saidPattern {
	p := saidPattern{id: id}
	var re strings.Builder
	re.WriteString(`^`)
	last := 0
	for _, m := range saidField.FindAllStringSubmatchIndex(english, -1) {
		re.WriteString(regexp.QuoteMeta(english[last:m[0]]))
		re.WriteString(`(.+?)`)
		p.fields = append(p.fields, english[m[2]:m[3]])
		last = m[1]
	}
	re.WriteString(regexp.QuoteMeta(english[last:]))
	re.WriteString(`$`)
	p.re = regexp.MustCompile(re.String())
	return p
}

// saidf returns the message of the first pattern that english matches,
// in this language, its fields filled with what they matched there, each
// itself translated when it is a said message (the reason inside a
// sentence); ok is false when none matches.
func (l *Localizer) saidf(english string) (msg string, ok bool) {
	for _, p := range l.patterns {
		m := p.re.FindStringSubmatch(english)
		if m == nil {
			continue
		}
		data := make(map[string]any, len(p.fields))
		for i, name := range p.fields {
			data[name] = l.Said(m[i+1])
		}
		return l.T(p.id, data), true
	}
	return "", false
}
