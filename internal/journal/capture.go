package journal

import "strings"

// CaptureFollowUpPrefix names the follow-up fields of the capture form,
// which sit beside the entry's own "text"-less fields.
const CaptureFollowUpPrefix = "followup_"

// CaptureFollowUp reads the optional follow-up of the capture form: nil
// when no text was typed (owner and date alone mean nothing), otherwise the
// validated input, with problems keyed by the prefixed field names.
func CaptureFollowUp(text, owner, dueOn string) (*FollowUpInput, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	in := FollowUpInput{Text: text, Owner: owner, DueOn: dueOn}
	err := in.Validate()
	if err == nil {
		return &in, nil
	}
	p := Problems{}
	for field, msg := range FieldErrors(err) {
		p.Add(CaptureFollowUpPrefix+field, msg)
	}
	return nil, p.Err()
}

// MergeProblems combines the field problems of several validations into
// one error, or nil when none failed.
func MergeProblems(errs ...error) error {
	p := Problems{}
	for _, err := range errs {
		if err == nil {
			continue
		}
		if ErrorCode(err) != EINVALID {
			return err
		}
		for field, msg := range FieldErrors(err) {
			p.Add(field, msg)
		}
	}
	return p.Err()
}
