package remind

import (
	"context"
	"errors"
	"net"
	"net/textproto"
	"strconv"

	gomail "github.com/wneessen/go-mail"
)

// FailureReason says in plain words why a mail was not sent, for a user
// to read. It never names the relay's host or port, nor repeats its raw
// words: those are for whoever runs the server, and go to the log. A reply
// code the relay gave is kept, as it tells a pause (4xx) from a refusal.
func FailureReason(err error) string {
	var send *gomail.SendError
	var reply *textproto.Error
	var netErr net.Error
	var opErr *net.OpError
	switch {
	case errors.As(err, &send) && send.ErrorCode() != 0:
		return refused(send.ErrorCode())
	case errors.As(err, &reply):
		return refused(reply.Code)
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()):
		return "The mail server did not answer in time."
	case errors.As(err, &opErr):
		return "The mail server could not be reached."
	}
	return "The mail server could not take the message."
}

func refused(code int) string {
	if code >= 400 && code < 500 {
		return "The mail server could not take the message for now (reply " + strconv.Itoa(code) + ")."
	}
	return "The mail server refused the message (reply " + strconv.Itoa(code) + ")."
}
