package reader

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress is returned (wrapped) when a URL, a redirect or a
// resolved address points at this machine or a private network: article
// URLs and feed redirects are untrusted, and must not reach services that
// trust the local network (a database admin page on another port, a cloud
// metadata address). Options.AllowPrivate lifts it.
var ErrPrivateAddress = errors.New("refused: private, loopback or link-local address (use --allow-private to fetch it)")

// maxRedirects bounds the redirects one fetch follows.
const maxRedirects = 10

// blocked are the ranges not fetched from besides those netip classifies
// (loopback, private, link-local, multicast, unspecified).
var blocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT, shared address space
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and the broadcast address
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: an IPv4 address inside IPv6
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("2002::/16"),       // 6to4: an IPv4 address inside IPv6
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001::/32"),       // Teredo: an IPv4 address inside IPv6
	netip.MustParsePrefix("192.88.99.0/24"),  // 6to4 relay anycast
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
}

// publicAddr reports whether a is an address of the public internet.
func publicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() {
		return false
	}
	for _, p := range blocked {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// guard decides which addresses a fetch may connect to.
type guard struct {
	allowPrivate bool
	// trusted is one "ip:port" let through as if public: tests serve
	// pages from 127.0.0.1 and must still see everything else refused.
	trusted string
}

func (g guard) check(addr string) error {
	if g.allowPrivate || (g.trusted != "" && addr == g.trusted) {
		return nil
	}
	ap, err := netip.ParseAddrPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, ErrPrivateAddress)
	}
	if !publicAddr(ap.Addr()) {
		return fmt.Errorf("%s: %w", ap.Addr(), ErrPrivateAddress)
	}
	return nil
}

// checkURLHost refuses a host that is an address literal of a private
// range, before anything is resolved or dialled; host names are checked
// on every address they resolve to, when dialled.
func (g guard) checkURLHost(host, port string) error {
	a, err := netip.ParseAddr(host)
	if err != nil {
		return nil // a name
	}
	return g.check(net.JoinHostPort(a.String(), port))
}

// client is an HTTP client that connects only where g allows: the address
// of every connection is checked as it is dialled (after name resolution,
// so a name resolving to a private address is refused too), and every
// redirect target before it is followed. Proxies from the environment are
// not used, so that the address checked is the one connected to.
func (g guard) client(timeout time.Duration) *http.Client {
	d := &net.Dialer{
		Timeout: timeout,
		// Control runs for each address tried, before its connect(2).
		Control: func(network, address string, _ syscall.RawConn) error { return g.check(address) },
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   timeout,
		ResponseHeaderTimeout: timeout,
		MaxIdleConns:          4,
		IdleConnTimeout:       30 * time.Second,
	}
	return &http.Client{
		Timeout:   timeout,
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s URL", req.URL.Scheme)
			}
			return g.checkURLHost(req.URL.Hostname(), portOf(req))
		},
	}
}

func portOf(req *http.Request) string {
	if p := req.URL.Port(); p != "" {
		return p
	}
	if req.URL.Scheme == "https" {
		return "443"
	}
	return "80"
}
