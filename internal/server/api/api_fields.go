package api

// apiFields are the API's members, which take a boss or a priority by its
// public id: the API's half of the two wire tables (the forms' is
// pageFields, in package httpx).
var apiFields = map[string]string{
	"boss":     "boss_id",
	"priority": "priority_id",
}
