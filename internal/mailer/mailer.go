// Package mailer sends leadup's mail through an SMTP relay.
package mailer

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// TLS modes for the connection to the relay.
const (
	TLSStartTLS = "starttls" // plain connection upgraded with STARTTLS, required
	TLSImplicit = "implicit" // TLS from the first byte (port 465)
	TLSNone     = "none"     // no TLS: for a relay on the same host or network
)

// Config says how to reach the relay.
type Config struct {
	Host     string
	Port     int
	Username string
	Password string
	From     string
	TLS      string
	// TLSConfig overrides the TLS settings; tests use it to trust their
	// own certificate. Nil means the system's roots and Host as the name.
	TLSConfig *tls.Config
	Timeout   time.Duration
}

// IsLoopback reports whether host names this machine, where credentials
// may travel without TLS.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Message is one mail to one person.
type Message struct {
	To        string
	Subject   string
	Text      string
	HTML      string
	MessageID string // without angle brackets; the same for every retry of one reminder
	Date      time.Time
	// ListID names the list a reminder belongs to (List-Id, RFC 2919),
	// such as `leadup weekly review <weekly-review.example.com>`, so that a
	// mail client can filter it; "" for a one-off mail.
	ListID string
	// Unsubscribe is the one-click URL; OneClick adds List-Unsubscribe-Post
	// (RFC 8058), which is only allowed for an https URL.
	Unsubscribe string
	OneClick    bool
}

// headerListID is RFC 2919's field, which go-mail does not name.
const headerListID gomail.Header = "List-Id"

// Mailer sends messages.
type Mailer struct{ cfg Config }

// New returns a Mailer for cfg, which the caller has validated.
func New(cfg Config) *Mailer {
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	return &Mailer{cfg: cfg}
}

// Build turns a message into a go-mail message with both parts and the
// list headers.
func (m *Mailer) Build(msg Message) (*gomail.Msg, error) {
	g := gomail.NewMsg()
	if err := g.From(m.cfg.From); err != nil {
		return nil, fmt.Errorf("from address %q: %w", m.cfg.From, err)
	}
	if err := g.To(msg.To); err != nil {
		return nil, fmt.Errorf("to address: %w", err)
	}
	// These fields are folded here (headerValue), not by go-mail.
	g.SetGenHeaderPreformatted(gomail.HeaderSubject, headerValue(string(gomail.HeaderSubject), msg.Subject))
	g.SetDateWithValue(msg.Date)
	g.SetMessageIDWithValue(msg.MessageID)
	if msg.ListID != "" {
		g.SetGenHeaderPreformatted(headerListID, headerValue(string(headerListID), msg.ListID))
	}
	if msg.Unsubscribe != "" {
		g.SetGenHeaderPreformatted(gomail.HeaderListUnsubscribe, headerValue(string(gomail.HeaderListUnsubscribe), "<"+msg.Unsubscribe+">"))
		if msg.OneClick {
			g.SetGenHeader(gomail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
		}
	}
	g.SetBodyString(gomail.TypeTextPlain, msg.Text)
	g.AddAlternativeString(gomail.TypeTextHTML, msg.HTML)
	return g, nil
}

// Send delivers one message to the relay.
func (m *Mailer) Send(ctx context.Context, msg Message) error {
	g, err := m.Build(msg)
	if err != nil {
		return err
	}
	opts := []gomail.Option{gomail.WithPort(m.cfg.Port), gomail.WithTimeout(m.cfg.Timeout)}
	tlsConfig := m.cfg.TLSConfig
	if tlsConfig == nil {
		tlsConfig = &tls.Config{ServerName: m.cfg.Host, MinVersion: tls.VersionTLS12}
	}
	switch m.cfg.TLS {
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL(), gomail.WithTLSConfig(tlsConfig))
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory), gomail.WithTLSConfig(tlsConfig))
	}
	if m.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlain),
			gomail.WithUsername(m.cfg.Username), gomail.WithPassword(m.cfg.Password))
	}
	c, err := gomail.NewClient(m.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("smtp client: %w", err)
	}
	if err := c.DialAndSendWithContext(ctx, g); err != nil {
		return fmt.Errorf("send mail via %s:%d: %w", m.cfg.Host, m.cfg.Port, err)
	}
	return nil
}
