// Package smtptest runs a real SMTP relay on loopback for tests: it keeps
// what it receives, decoded, and can refuse messages on demand.
package smtptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/leadup/leadup/internal/mailer"
)

// Received is one message the relay accepted.
type Received struct {
	From    string
	To      []string
	Subject string // decoded
	Header  mail.Header
	Text    string
	HTML    string
	Authed  string // the user that signed in, "" without AUTH
	TLS     bool
	Raw     []byte // the message as it came in DATA, for checks of its form
}

// Relay is a real SMTP server on loopback that keeps what it receives.
type Relay struct {
	mu       sync.Mutex
	msgs     []Received
	failWith error // when set, DATA is refused with it
	user     string
	password string
	port     int
	pool     *x509.CertPool // trusts the relay's certificate
}

// Messages returns what the relay has accepted so far.
func (r *Relay) Messages() []Received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Received(nil), r.msgs...)
}

// SetFail makes the relay refuse DATA with err; nil accepts again.
func (r *Relay) SetFail(err error) {
	r.mu.Lock()
	r.failWith = err
	r.mu.Unlock()
}

// Start serves SMTP on 127.0.0.1. With starttls it offers STARTTLS on
// a certificate made here for 127.0.0.1, and asks for AUTH PLAIN.
func Start(t testing.TB, starttls bool) *Relay {
	t.Helper()
	r := &Relay{}
	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &relaySession{relay: r, conn: c}, nil
	}))
	s.Domain = "relay.test"
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	if starttls {
		cert, pool := testCertificate(t)
		s.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
		r.pool, r.user, r.password = pool, "leadup", "relay secret"
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.port = ln.Addr().(*net.TCPAddr).Port
	go s.Serve(ln)
	t.Cleanup(func() { s.Close() })
	return r
}

// MailConfig is the mailer configuration that reaches this relay.
func (r *Relay) MailConfig() mailer.Config {
	cfg := mailer.Config{Host: "127.0.0.1", Port: r.port, From: "leadup <leadup@example.com>", TLS: mailer.TLSNone, Timeout: 10 * time.Second}
	if r.pool != nil {
		cfg.TLS, cfg.Username, cfg.Password = mailer.TLSStartTLS, r.user, r.password
		cfg.TLSConfig = &tls.Config{RootCAs: r.pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
	}
	return cfg
}

type relaySession struct {
	relay  *Relay
	conn   *smtp.Conn
	msg    Received
	authed string
}

func (s *relaySession) AuthMechanisms() []string {
	if s.relay.user == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *relaySession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != s.relay.user || pass != s.relay.password {
			return errors.New("bad credentials")
		}
		s.authed = user
		return nil
	}), nil
}

func (s *relaySession) Mail(from string, _ *smtp.MailOptions) error {
	if s.relay.user != "" && s.authed == "" {
		return &smtp.SMTPError{Code: 530, Message: "authentication required"}
	}
	s.msg = Received{From: from}
	return nil
}

func (s *relaySession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.msg.To = append(s.msg.To, to)
	return nil
}

func (s *relaySession) Data(rd io.Reader) error {
	s.relay.mu.Lock()
	fail := s.relay.failWith
	s.relay.mu.Unlock()
	raw, err := io.ReadAll(rd)
	if err != nil {
		return err
	}
	if fail != nil {
		return &smtp.SMTPError{Code: 451, Message: fail.Error()}
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	s.msg.Header, s.msg.Raw = m.Header, raw
	if s.msg.Subject, err = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject")); err != nil {
		return err
	}
	s.msg.Authed = s.authed
	_, s.msg.TLS = s.conn.TLSConnectionState()
	if err := readParts(m, &s.msg); err != nil {
		return err
	}
	s.relay.mu.Lock()
	s.relay.msgs = append(s.relay.msgs, s.msg)
	s.relay.mu.Unlock()
	return nil
}

func (s *relaySession) Reset()        {}
func (s *relaySession) Logout() error { return nil }

// readParts decodes the text and HTML parts of a multipart/alternative mail.
func readParts(m *mail.Message, into *Received) error {
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		return err
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		var body io.Reader = p
		if p.Header.Get("Content-Transfer-Encoding") == "quoted-printable" {
			body = quotedprintable.NewReader(p)
		}
		b, err := io.ReadAll(body)
		if err != nil {
			return err
		}
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		switch ct {
		case "text/plain":
			into.Text = string(b)
		case "text/html":
			into.HTML = string(b)
		}
	}
}

// testCertificate makes a self-signed certificate for 127.0.0.1 and a pool
// that trusts it.
func testCertificate(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "leadup test relay"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}
