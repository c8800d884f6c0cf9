package privacy

import "strings"

// Social network accounts ([tài khoản mạng xã hội đã ẩn]): a profile's address
// ("facebook.com/hai.vo.1983", "fb.com/…", "tiktok.com/@…", "zalo.me/…"), a user name after
// "@" ("tiktok @bemeo_camau"), and a user or display name after the network's name and a colon,
// "là" or "tên" ("Zalo: Dí Thào 2k1", "tài khoản Zalo của tôi là lothi_ban_1994").

var (
	networks = newWordSet("zalo", "facebook", "fb", "tiktok", "instagram", "insta", "ig",
		"telegram", "viber", "twitter", "youtube", "nick", "nickname", "skype", "threads")
	profileHosts = []string{"facebook.com/", "fb.com/", "m.facebook.com/", "tiktok.com/",
		"zalo.me/", "instagram.com/", "youtube.com/", "t.me/", "twitter.com/", "x.com/", "threads.net/"}
)

// scanHandles finds social network accounts.
func (d *doc) scanHandles() {
	s := d.s
	lower := asciiLower(s) // the same length as s: offsets agree
	for _, h := range profileHosts {
		for off := 0; ; {
			i := strings.Index(lower[off:], h)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(h)
			for start > 0 && !strings.ContainsRune(" \t\n(<[\"'", rune(s[start-1])) {
				start--
			}
			e := end
			for e < len(s) && !strings.ContainsRune(" \t\n)>]\"',;", rune(s[e])) {
				e++
			}
			for e > end && strings.ContainsRune(".!?", rune(s[e-1])) {
				e--
			}
			if e > end {
				d.add(start, e, Handle, 2)
			}
			off = max(e, end)
		}
	}
	for i := range d.t {
		switch {
		case d.punct(i, "@") && !d.alnum(i-1) && d.word(i+1) != nil && d.t[i+1].ascii:
			// "@bemeo_camau": a user name, not an e-mail's at-sign.
			if e := d.handleEnd(i + 1); e > i+1 {
				d.addTok(i, e, Handle, 1)
			}
		case d.word(i) != nil && networks.has(&d.t[i]):
			d.namedHandle(i + 1)
		}
	}
}

// namedHandle reads the account after a network's name at token j: after a colon, "là",
// "tên" or "của tôi là", a user name (ASCII with digits, dots or underscores) or up to four
// capitalised words and a number ("Dí Thào 2k1").
func (d *doc) namedHandle(j int) {
	intro := false
	for n := 0; n < 8 && j < len(d.t); n++ {
		t := &d.t[j]
		switch {
		case t.k == tSpace && t.nl == 0:
		case d.punct(j, ":"):
			intro = true
		case t.k == tWord && handleIntro.has(t):
			intro = intro || t.low == "là" || t.low == "la" || t.fold == "ten"
		default:
			n = 8
			continue
		}
		j++
	}
	// A quoted display name: Facebook "Thuy Tien Shop", Zalo “Tuan Anh EVN”.
	if q := j; d.punct(q, "\"“«'") {
		for k := q + 1; k < len(d.t) && k < q+16; k++ {
			if d.punct(k, "\"”»'") {
				for m := q + 1; m < k; m++ {
					if d.alnum(m) && d.t[m].k != tMask { // not a placeholder alone
						d.addTok(q+1, k, Handle, 1)
						break
					}
				}
				return
			}
			if d.t[k].k == tSpace && d.t[k].nl > 0 {
				break
			}
		}
	}
	if !intro {
		// "zalo ngoctrang.2k1": a user name with digits, dots or underscores needs no colon.
		if e := d.handleEnd(j); e > j && d.marked(j, e) {
			d.addTok(j, e, Handle, 1)
		}
		return
	}
	if e := d.handleEnd(j); e > j && d.marked(j, e) {
		d.addTok(j, e, Handle, 1)
		return
	}
	// A display name: capitalised words, and a number or code after them.
	e, n := j, 0
	for k := j; n < 4; k += 2 {
		w := d.word(k)
		if w == nil || !w.upper {
			break
		}
		n++
		e = k + 1
		if !d.sp(k + 1) {
			break
		}
	}
	if n > 0 && d.sp(e) && (d.num(e+1) || d.word(e+1) != nil && d.numish(e+2)) {
		e = d.handleEnd(e + 1)
	}
	if n > 0 {
		d.addTok(j, e, Handle, 1)
	}
}

var handleIntro = newWordSet("là", "tên", "của", "tôi", "em", "mình", "cá", "nhân", "tài",
	"khoản", "trang", "kênh", "nick", "id")

// handleEnd returns the end of a user name at token j: ASCII words and numbers joined by
// '.', '_' or '-', glued together.
func (d *doc) handleEnd(j int) int {
	e := j
	for k := j; k < len(d.t); k++ {
		t := &d.t[k]
		switch {
		case t.k == tWord && t.ascii, t.k == tNum:
			e = k + 1
		case d.punct(k, "._-") && (d.word(k+1) != nil && d.t[k+1].ascii || d.num(k+1)):
		default:
			return e
		}
	}
	return e
}

// marked reports whether tokens [j, e) look like a user name rather than a word: a digit, a
// dot or an underscore inside.
func (d *doc) marked(j, e int) bool {
	for k := j; k < e; k++ {
		if d.t[k].k == tNum || d.punct(k, "._") {
			return true
		}
	}
	return false
}

// asciiLower lowers the ASCII letters of s, leaving every other byte: the result has the
// offsets of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
