package privacy

import "strings"

// A number run is a sequence of digit groups joined by separators, as phone and identity
// numbers are written: "0912 345 678", "0912.345.678", "(0296) 3.852.123", "+84 912 345 678".
// A run may hold several numbers ("năm 2025 0912345678"): bareRun picks out the ones that
// have the shape of a phone or identity number.

// group is one group of digits of a run: "0912", "(0296)", "+84", "(+84)".
type group struct {
	i, j   int // tokens [i, j)
	digits string
	plus   bool
}

type run struct {
	g        []group
	dotSep   []bool // dotSep[k]: groups k and k+1 are joined by dots only ("1.500.000"): never split there
	attached bool   // the run goes on with a letter, '/', or a decimal comma ("1.500.000đ", "13/2023")
	letter   bool   // what follows is a letter ("0912345678ok"): a long last group may still be a number
	end      int    // token after the last group
}

// longGroup is the number of digits from which a group glued to letters is still taken as a
// phone or identity number ("SĐT0912345678"): codes glued to letters are shorter.
const longGroup = 9

// maxDigits bounds the numbers considered; longer runs are split.
const maxDigits = 15

func (d *doc) parseGroup(i int, first bool) (group, bool) {
	j := i
	paren := d.punct(j, "(")
	if paren {
		j++
	}
	plus := false
	if d.punct(j, "+") {
		if !first && !paren {
			return group{}, false
		}
		plus = true
		j++
	}
	if !d.num(j) {
		return group{}, false
	}
	g := group{i: i, digits: d.t[j].low, plus: plus}
	j++
	if paren {
		if !d.punct(j, ")") {
			return group{}, false
		}
		j++
	}
	g.j = j
	return g, true
}

// parseRun parses the run starting at token i.
func (d *doc) parseRun(i int) (run, bool) {
	g, ok := d.parseGroup(i, true)
	if !ok {
		return run{}, false
	}
	r := run{g: []group{g}}
	j := g.j
	for len(r.g) < 64 {
		k, n, dots, spaces := j, 0, 0, 0
		for n < 3 && k < len(d.t) {
			switch {
			case d.sp(k) && d.t[k].e-d.t[k].s <= 3:
				spaces++
			case d.punct(k, "."):
				dots++
			case d.punct(k, "-–\\_·•"):
			default:
				goto done
			}
			k++
			n++
		}
	done:
		if n == 0 && !d.punct(j-1, ")") {
			break
		}
		ng, ok := d.parseGroup(k, false)
		if !ok {
			break
		}
		r.dotSep = append(r.dotSep, dots > 0 && spaces == 0)
		r.g = append(r.g, ng)
		j = ng.j
	}
	r.end = j
	switch {
	case d.alnum(j), d.punct(j, "/"):
		r.attached = true
		r.letter = d.word(j) != nil
	case d.punct(j, ",.") && d.numish(j+1):
		r.attached = true
	}
	return r, true
}

// numStartOK reports whether a number may start at token i: it must not continue a word, a
// number or a code ("H01", "1.003901", "260312-0001").
func (d *doc) numStartOK(i int) bool {
	if i == 0 {
		return true
	}
	if d.t[i].k == tPunct { // "(" or "+"
		return !d.numish(i - 1)
	}
	if d.alnum(i - 1) {
		return d.word(i-1) != nil && len(d.t[i].low) >= longGroup && !d.punct(i+1, ".,/-")
	}
	if d.punct(i-1, ".,-–/") && d.numish(i-2) {
		return false
	}
	return true
}

// scanNumbers finds phone numbers, identity numbers and plates by their shape.
func (d *doc) scanNumbers() {
	for i := 0; i < len(d.t); i++ {
		t := &d.t[i]
		if t.k != tNum && !(d.punct(i, "(+") && (d.num(i+1) || d.punct(i+1, "+"))) {
			continue
		}
		if !d.numStartOK(i) {
			continue
		}
		if t.k == tNum {
			if j, ok := d.plate(i, false); ok {
				d.addTok(i, j, Plate, 1)
				i = j - 1
				continue
			}
		}
		r, ok := d.parseRun(i)
		if !ok {
			continue
		}
		n := len(d.out)
		if d.bareRun(r); len(d.out) == n {
			d.bareID(r)
		}
		i = r.end - 1
	}
}

// bareRun adds the phone and identity numbers of a run, longest first from the left.
func (d *doc) bareRun(r run) {
	n := len(r.g)
	buf := make([]byte, 0, maxDigits+8)
	for a := 0; a < n; {
		if a > 0 && r.dotSep[a-1] {
			a++
			continue
		}
		best, kind := -1, Kind(0)
		buf = buf[:0]
		for b := a; b < n; b++ {
			buf = append(buf, r.g[b].digits...)
			if len(buf) > maxDigits {
				break
			}
			if (b < n-1 && r.dotSep[b]) || (b == n-1 && r.attached && !(r.letter && b == a && len(buf) >= longGroup)) {
				continue
			}
			if k := classifyBare(string(buf), r.g[a]); k != 0 {
				best, kind = b, k
			}
		}
		if best < 0 {
			a++
			continue
		}
		d.addTok(r.g[a].i, r.g[best].j, kind, 1)
		a = best + 1
	}
}

func classifyBare(dig string, first group) Kind {
	if isPhone(dig, first) {
		return Phone
	}
	if !first.plus && isCCCD(dig) {
		return ID
	}
	return 0
}

// bareID adds a run of 10 to 15 digits that is no phone as an identifier: an account, a tax
// or an insurance number ("5400387126", "1088 7732 6641"). Money is written in groups of
// three joined by dots, codes hold letters, years and hotlines are not such groups.
func (d *doc) bareID(r run) {
	digits := 0
	for k, g := range r.g {
		if k < len(r.dotSep) && r.dotSep[k] || g.plus || len(g.digits) < 3 && len(r.g) > 1 {
			return
		}
		digits += len(g.digits)
	}
	first := r.g[0].digits
	if digits < 10 || digits > 15 || r.attached || strings.HasPrefix(first, "1800") || strings.HasPrefix(first, "1900") ||
		len(first) == 4 && (first[:2] == "19" || first[:2] == "20") && len(r.g) > 1 {
		return
	}
	d.addTok(r.g[0].i, r.g[len(r.g)-1].j, ID, 0)
}

// isCCCD reports whether dig is a 12-digit personal identification number: its first three
// digits are the code of a province, 001 to 096.
func isCCCD(dig string) bool {
	if len(dig) != 12 || dig[0] != '0' {
		return false
	}
	p := int(dig[1]-'0')*10 + int(dig[2]-'0')
	return p >= 1 && p <= 96
}

// isPhone reports whether dig, whose first group is first, is a phone number.
func isPhone(dig string, first group) bool {
	nat := dig
	switch {
	case strings.HasPrefix(dig, "0084") && len(dig) >= 13:
		nat = "0" + strings.TrimPrefix(dig[4:], "0")
	case strings.HasPrefix(dig, "84") && (first.plus || first.digits == "84"):
		nat = "0" + strings.TrimPrefix(dig[2:], "0")
	case strings.HasPrefix(dig, "84") && len(dig) == 11 && strings.IndexByte("35789", dig[2]) >= 0,
		strings.HasPrefix(dig, "84") && len(dig) == 12 && dig[2] == '2':
		nat = "0" + dig[2:]
	case first.plus:
		// Another country: any plausible length.
		return len(dig) >= 8 && len(dig) <= maxDigits
	}
	if len(nat) < 10 || nat[0] != '0' || nat[1] == '0' {
		return false
	}
	switch len(nat) {
	case 10:
		return true
	case 11:
		return nat[1] == '1' || nat[1] == '2' // old 11-digit mobiles, landlines 02xx
	}
	return false
}

// plate parses a licence plate at token i: "67A-123.45", "59X1-123.45", "59-X1 123.45",
// "51F-12345", "67A 123.45". relaxed (after "biển số") allows lower case and no separator.
func (d *doc) plate(i int, relaxed bool) (int, bool) {
	if !d.num(i) || len(d.t[i].low) != 2 {
		return 0, false
	}
	j := i + 1
	sep := false
	if d.punct(j, "-") {
		sep = true
		j++
	}
	w := d.word(j)
	if w == nil || !w.ascii || len(w.low) > 2 || (!relaxed && !isUpperASCII(d.s[w.s:w.e])) {
		return 0, false
	}
	j++
	if d.num(j) && len(d.t[j].low) == 1 { // series digit: X1
		j++
	}
	spaceOnly := false
	switch {
	case d.punct(j, "-."):
		sep = true
		j++
		if d.sp(j) && d.t[j].e-d.t[j].s == 1 {
			j++
		}
	case d.sp(j) && d.t[j].e-d.t[j].s == 1:
		spaceOnly = !sep
		sep = true
		j++
	}
	if !sep && !relaxed {
		return 0, false
	}
	if !d.num(j) {
		return 0, false
	}
	switch n := len(d.t[j].low); {
	case n == 3 && d.punct(j+1, ".") && d.num(j+2) && len(d.t[j+2].low) == 2:
		j += 3
	case n == 3 && relaxed && d.sp(j+1) && d.t[j+1].e-d.t[j+1].s == 1 && d.num(j+2) && len(d.t[j+2].low) == 2:
		j += 3 // "51G 908 47" after "biển số"
	case (n == 4 || n == 5) && (!spaceOnly || relaxed):
		j++
	default:
		return 0, false
	}
	if d.alnum(j) || (d.punct(j, ".,/") && d.numish(j+1)) {
		return 0, false
	}
	return j, true
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// healthCard parses a health insurance card number at token i: two capitals and 13 digits,
// "GD4797912345678", also written in groups "GD 4 79 7912345678".
func (d *doc) healthCard(i int, relaxed bool) (int, bool) {
	w := d.word(i)
	if w == nil || !w.ascii || len(w.low) != 2 || (!relaxed && !isUpperASCII(d.s[w.s:w.e])) {
		return 0, false
	}
	j := i + 1
	if relaxed && d.sp(j) {
		j++
	}
	if !d.num(j) {
		return 0, false
	}
	if len(d.t[j].low) == 13 {
		j++
	} else {
		r, ok := d.parseRun(j)
		if !ok {
			return 0, false
		}
		n := 0
		for _, g := range r.g {
			n += len(g.digits)
			if n == 13 {
				j = g.j
				break
			}
		}
		if n != 13 {
			return 0, false
		}
	}
	if d.alnum(j) || (d.punct(j, ".,/") && d.numish(j+1)) {
		return 0, false
	}
	return j, true
}

// runPrefix parses the run at token i and returns the end of its longest prefix of groups
// whose digits satisfy ok.
func (d *doc) runPrefix(i int, ok func(dig string) bool) (int, bool) {
	r, found := d.parseRun(i)
	if !found {
		return 0, false
	}
	n := len(r.g)
	end := -1
	buf := make([]byte, 0, 24)
	for b := 0; b < n; b++ {
		buf = append(buf, r.g[b].digits...)
		if len(buf) > 20 {
			break
		}
		if (b < n-1 && r.dotSep[b]) || (b == n-1 && r.attached) {
			continue
		}
		if ok(string(buf)) {
			end = r.g[b].j
		}
	}
	return end, end >= 0
}

// valKind is the kind of value expected after a keyword.
type valKind uint8

const (
	vIdent valKind = iota
	vTax
	vSocial
	vPassport
	vAccount
	vPhone
	vPlate
	vCert
)

func digitsIn(lo, hi int) func(string) bool {
	return func(s string) bool { return len(s) >= lo && len(s) <= hi }
}

var valueOK = [...]func(string) bool{
	vIdent:    digitsIn(9, 12),
	vTax:      func(s string) bool { return len(s) == 10 || len(s) == 13 },
	vSocial:   digitsIn(10, 10),
	vPassport: digitsIn(8, 9),
	vAccount:  digitsIn(6, 19),
	vPhone: func(s string) bool {
		return len(s) >= 8 && len(s) <= 12 && !strings.HasPrefix(s, "1800") && !strings.HasPrefix(s, "1900")
	},
}

// connWords may stand between a keyword and its value: "CCCD gắn chip số 087…",
// "số tài khoản của tôi tại ngân hàng … là 0123…".
var connWords = newWordSet("số", "là", "của", "tôi", "em", "mình", "ông", "bà", "anh", "chị",
	"mới", "cũ", "gắn", "chip", "chíp", "cá", "nhân", "điện", "tử", "xe", "ô", "tô", "máy", "mô",
	"di", "động", "nhà", "riêng", "thẻ", "mã", "ngân", "hàng", "mở", "tại", "thanh", "toán", "y",
	"tế", "xã", "hội", "sổ", "no", "nr", "hiện", "nay", "đang", "dùng", "sử", "dụng", "liên", "lạc",
	"hệ", "bàn", "cố", "định", "công", "dân", "cước", "căn", "danh", "thuế", "kiểm", "soát", "bảo",
	"hiểm", "cư", "trú", "phổ", "thông", "hộ", "chiếu", "tài", "khoản", "thoại", "quyền", "sở",
	"hữu", "và", "sản", "khác", "gắn", "liền", "với", "đất", "seri", "sê", "ri", "phát", "hành",
	"vào", "giấy", "chứng", "nhận", "ở", "qsdđ", "qsdd", "hạng", "chủ", "nước", "ngoài",
	"chồng", "vợ", "con", "cha", "mẹ", "bố", "ba", "má", "kinh", "doanh", "gia", "đình", "người",
	"nhà", "em", "anh")

// banks are the banks of Việt Nam by the names people write, and the wallets.
var banks = newWordSet("vietcombank", "vcb", "vietinbank", "bidv", "agribank", "techcombank",
	"tcb", "acb", "mb", "mbbank", "vpbank", "tpbank", "sacombank", "shb", "hdbank", "vib", "ocb",
	"msb", "seabank", "eximbank", "lpbank", "lienvietpostbank", "scb", "bacabank", "abbank",
	"namabank", "pvcombank", "kienlongbank", "vietabank", "baovietbank", "saigonbank", "ncb",
	"pgbank", "oceanbank", "gpbank", "cbbank", "vrb", "hsbc", "shinhan", "woori", "uob", "vikki",
	"timo", "momo", "zalopay", "viettelpay", "vietbank", "bvbank", "vbsp")

// bankAfter reports whether the number at token i, of 8 to 19 digits, is followed by a bank's
// name, bracketed or not: "0351000624871 (VCB)", "1027 4455 6610 (VietinBank)". It returns the
// token after the number.
func (d *doc) bankAfter(i int) (int, bool) {
	if !d.numStartOK(i) || d.punct(i-1, "/.") {
		return 0, false
	}
	e, ok := d.runPrefix(i, digitsIn(8, 19))
	if !ok {
		return 0, false
	}
	j := e
	if d.sp(j) {
		j++
	}
	if d.punct(j, "(") {
		j++
	}
	if w := d.word(j); w != nil && banks.has(w) {
		return e, true
	}
	if w := d.word(j); w != nil && (w.low == "ngân" || w.low == "ngan") && d.sp(j+1) && d.word(j+2) != nil && d.t[j+2].fold == "hang" {
		return e, true
	}
	return 0, false
}

// skipConn skips the connecting tokens after a keyword; caps lets it skip up to three
// capitalised words (a bank name, a country, a licence's class).
func (d *doc) skipConn(j int, caps bool) int {
	left := 3
	for n := 0; n < 16 && j < len(d.t); n++ {
		t := &d.t[j]
		switch {
		case t.k == tSpace && t.nl <= 1:
		case t.k == tPunct && strings.ContainsRune(":-–#.,)", t.r):
		case connWords.has(t), caps && banks.has(t):
		case caps && t.k == tWord && t.upper && left > 0 && !d.numish(j+1): // not a code: "C1234567"
			left--
		default:
			return j
		}
		j++
	}
	return j
}

// keyValue adds the value of kind vk after the keyword ending at token j.
func (d *doc) keyValue(j int, vk valKind, kind Kind) {
	j = d.skipConn(j, vk == vAccount || vk == vPassport || vk == vIdent)
	if j >= len(d.t) {
		return
	}
	switch vk {
	case vPlate:
		if e, ok := d.plate(j, true); ok {
			d.addTok(j, e, kind, 2)
		}
		return
	case vPassport:
		if w := d.word(j); w != nil && w.ascii && len(w.low) <= 2 && d.num(j+1) {
			if n := len(d.t[j+1].low); (n == 7 || n == 8) && !d.alnum(j+2) {
				d.addTok(j, j+2, kind, 2)
			}
			return
		}
	case vCert:
		// A land use certificate: "CS 01234", "BĐ 123456", "AA 01234567", "CH01234".
		if w := d.word(j); w != nil && len([]rune(w.low)) <= 3 && w.upper {
			k := j + 1
			if d.sp(k) && d.t[k].e-d.t[k].s == 1 {
				k++
			}
			if d.num(k) && len(d.t[k].low) >= 5 && len(d.t[k].low) <= 9 && !d.alnum(k+1) {
				d.addTok(j, k+1, kind, 2)
			}
		}
		return
	case vSocial:
		if e, ok := d.healthCard(j, true); ok {
			d.addTok(j, e, kind, 2)
			return
		}
	}
	if !d.num(j) && !d.punct(j, "(+") {
		return
	}
	if e, ok := d.runPrefix(j, valueOK[vk]); ok {
		d.addTok(j, e, kind, 2)
	}
}

// mailHandle fires at "email", "gmail", …: a user name after a colon is an address without
// its domain ("gmail: kimthoa1985").
func mailHandle(d *doc, _, j int) {
	for d.sp(j) || d.punct(j, ":") && !d.punct(j+1, "/") {
		j++
	}
	if j == 0 || !d.punct(j-1, ":") && !d.sp(j-1) {
		return
	}
	s, marked := j, false
	for j < len(d.t) {
		t := &d.t[j]
		switch {
		case t.k == tWord && t.ascii, t.k == tNum:
			marked = marked || t.k == tNum
		case d.punct(j, "._-") && (d.word(j+1) != nil || d.num(j+1)):
			marked = true
		default:
			goto done
		}
		j++
	}
done:
	if marked && j > s+1 && int(d.t[j-1].e-d.t[s].s) >= 5 && !d.punct(j, "@") {
		d.addTok(s, j, Email, 1)
	}
}
