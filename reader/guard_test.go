package reader

import (
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// listener is a plain TCP port on 127.0.0.1 that only records whether
// anything connected to it: an internal service a fetch must not reach.
func listener(t *testing.T) (addr string, connected func() bool) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l.Addr().String(), func() bool {
		// A connection made would wait in the backlog: accept it now.
		l.(*net.TCPListener).SetDeadline(time.Now().Add(200 * time.Millisecond))
		c, err := l.Accept()
		if err == nil {
			c.Close()
			return true
		}
		return false
	}
}

func refusedPrivate(t *testing.T, url string, opts Options) string {
	t.Helper()
	docs, rejects := collect(t, url, opts)
	if len(docs) != 0 || len(rejects) != 1 || !strings.Contains(rejects[0].Reason, ErrPrivateAddress.Error()) {
		t.Fatalf("%s: docs %d, rejects %q; want it refused as a private address", url, len(docs), reasons(rejects))
	}
	return rejects[0].Reason
}

// URLs given on the command line and every redirect are fetched from
// public addresses only: loopback, private and link-local addresses are
// refused before any connection is made.
func TestFetchRefusesPrivateAddresses(t *testing.T) {
	internal, connected := listener(t)
	refusedPrivate(t, "http://"+internal+"/admin", Options{})
	// A name is checked on the address it resolves to, as it is dialled.
	_, port, _ := net.SplitHostPort(internal)
	refusedPrivate(t, "http://localhost:"+port+"/admin", Options{})
	for _, literal := range []string{"http://169.254.169.254/latest/meta-data/", "http://[::1]:" + port + "/", "http://10.0.0.1/", "http://0.0.0.0:" + port + "/"} {
		refusedPrivate(t, literal, Options{})
	}
	if connected() {
		t.Error("a refused fetch connected to the internal port")
	}
}

func TestRedirectsToPrivateAddressesAreRefused(t *testing.T) {
	internal, connected := listener(t)
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/internal":
			http.Redirect(w, r, "http://"+internal+"/secret", http.StatusFound)
		case "/metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusMovedPermanently)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		}
	}))
	defer feed.Close()
	// The feed server stands for a public site: it is on 127.0.0.1 too,
	// and trusted alone, so that its redirects meet the rule.
	public := Options{trusted: feed.Listener.Addr().String()}
	if why := refusedPrivate(t, feed.URL+"/internal", public); !strings.Contains(why, "127.0.0.1") {
		t.Errorf("reason %q does not name the refused address", why)
	}
	if why := refusedPrivate(t, feed.URL+"/metadata", public); !strings.Contains(why, "169.254.169.254") {
		t.Errorf("reason %q does not name the refused address", why)
	}
	if connected() {
		t.Error("a redirect reached the internal port")
	}
	_, rejects := collect(t, feed.URL+"/loop", public)
	if len(rejects) != 1 || !strings.Contains(rejects[0].Reason, "redirects") {
		t.Errorf("redirect loop: %q", reasons(rejects))
	}
	// --allow-private lifts the rule.
	if _, rejects := collect(t, feed.URL+"/loop", Options{AllowPrivate: true}); len(rejects) != 1 || errors.Is(rejects[0], ErrPrivateAddress) {
		t.Errorf("allowed: %q", reasons(rejects))
	}
}

func TestPublicAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2a00:1450:4001:80b::200e": true, "93.184.216.34": true,
		"127.0.0.1": false, "127.1.2.3": false, "::1": false, "10.1.2.3": false, "172.16.0.1": false,
		"192.168.1.1": false, "169.254.169.254": false, "fe80::1": false, "fd00::1": false, "0.0.0.0": false,
		"::": false, "100.64.0.1": false, "::ffff:127.0.0.1": false, "::ffff:169.254.169.254": false,
		"224.0.0.1": false, "255.255.255.255": false, "64:ff9b::a9fe:a9fe": false,
	} {
		a, err := netip.ParseAddr(addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := publicAddr(a); got != want {
			t.Errorf("publicAddr(%s) = %v, want %v", addr, got, want)
		}
	}
}
