package journal

// Practice is one of the six leading-up practices. Key is fixed: it appears
// in forms, URLs, exports and JSON.
type Practice struct {
	Key     string
	Label   string
	Meaning string // what an entry tagged with it records
	Prompt  string // a question to reflect on while logging
	Try     string // one concrete thing to do this week
}

// Practices lists the six practices in their fixed order.
var Practices = []Practice{
	{
		Key:     "results",
		Label:   "Deliver results",
		Meaning: "Something you finished, or did better than asked, that your boss saw.",
		Prompt:  "What did you hand over this time that your boss can rely on without checking?",
		Try:     "Pick one promise due this week and deliver it a day early, with a one-line note on what it changes.",
	},
	{
		Key:     "responsibility",
		Label:   "Take responsibility",
		Meaning: "Something you owned beyond your job description, or a commitment you kept.",
		Prompt:  "What did you take on without being asked, and did you close it?",
		Try:     "Volunteer for one loose end nobody owns, and say out loud when you will have closed it.",
	},
	{
		Key:     "priorities",
		Label:   "Value your leader's priorities",
		Meaning: "Learning, or acting on, what matters most to your boss right now.",
		Prompt:  "What is at the top of your boss's list today, and did your work move it?",
		Try:     "Ask your boss which single outcome matters most to them this month, and write it down as a priority.",
	},
	{
		Key:     "team",
		Label:   "Develop your team",
		Meaning: "Helping the people you lead grow: leading down well so you can lead up.",
		Prompt:  "Who on your team got better because of something you did?",
		Try:     "Hand one task you would normally keep to someone on your team, and coach them through it.",
	},
	{
		Key:     "risk",
		Label:   "Take calculated risks",
		Meaning: "Stepping outside your comfort zone on purpose, without bending your values.",
		Prompt:  "What did you attempt that others avoid, and what did you weigh before you did?",
		Try:     "Propose one thing you have been holding back, with the downside you accept and how you would limit it.",
	},
	{
		Key:     "solutions",
		Label:   "Be the solution seeker",
		Meaning: "Bringing a problem together with a proposed fix, or seeing one coming before it lands.",
		Prompt:  "Which problem did you raise, and what did you propose to do about it?",
		Try:     "Before your next 1:1, turn one complaint into a one-paragraph proposal with a first step.",
	},
}

// PracticeKeys returns the six keys in order.
func PracticeKeys() []string {
	keys := make([]string, len(Practices))
	for i, p := range Practices {
		keys[i] = p.Key
	}
	return keys
}

// FindPractice returns the practice with the given key.
func FindPractice(key string) (Practice, bool) {
	for _, p := range Practices {
		if p.Key == key {
			return p, true
		}
	}
	return Practice{}, false
}
