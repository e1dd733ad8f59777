package auth

// SignupTakenPerIP is how many sign-ups for an email that already has an
// account one address may make per LoginWindow: a person mistyping needs
// one or two, someone listing accounts needs thousands.
const SignupTakenPerIP = 5
