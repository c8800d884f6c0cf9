package privacy

import "strings"

// An address is a chain of components: a house number with or without its street, an alley,
// a residential group, a street, a hamlet or quarter, joined by commas, dashes or spaces.
// The chain stops before anything else, in particular before the ward, commune, district,
// city or province, which stay.

// phraseSet is a list of phrases indexed by their first word.
type phraseSet struct {
	ps    [][]kw
	low   map[string][]int
	ascii map[string][]int
}

func phrases(ps ...string) *phraseSet {
	set := &phraseSet{low: map[string][]int{}, ascii: map[string][]int{}}
	for _, p := range ps {
		ks := phrase(p)
		n := len(set.ps)
		set.ps = append(set.ps, ks)
		set.low[ks[0].low] = append(set.low[ks[0].low], n)
		if ks[0].ascii {
			set.ascii[ks[0].fold] = append(set.ascii[ks[0].fold], n)
		}
	}
	return set
}

// longest matches the longest phrase of set at token i and returns the token after it, or -1.
func (d *doc) longest(i int, set *phraseSet) int {
	w := d.word(i)
	if w == nil {
		return -1
	}
	idx := set.low[w.low]
	if w.loose {
		idx = set.ascii[w.fold]
	}
	best := -1
	for _, n := range idx {
		if e := d.seq(i, set.ps[n]); e > best {
			best = e
		}
	}
	return best
}

var (
	houseKWs  = phrases("số nhà", "nhà số")
	alleyKWs  = phrases("hẻm", "hẽm", "kiệt", "=ngõ", "ngách", "=lô", "căn hộ", "=căn", "=phòng")
	groupKWs  = phrases("tổ", "tổ dân phố", "tổ dân cư", "tổ nhân dân", "tổ tự quản")
	streetKWs = phrases("đường", "phố", "đại lộ", "quốc lộ", "tỉnh lộ", "hương lộ", "đường tỉnh",
		"hẻm", "hẽm", "kiệt", "=ngõ", "ngách")
	areaKWs = phrases("khóm", "ấp", "khu phố", "khu vực", "=thôn", "xóm", "buôn", "khu dân cư",
		"khu tái định cư", "khu đô thị", "cụm dân cư", "tuyến dân cư", "chung cư", "căn hộ",
		"=tầng", "block", "=lô", "tổ", "tổ dân phố", "tổ dân cư", "tổ nhân dân", "tổ tự quản")
	soKW    = newKW("số", true)
	monthKW = newKW("tháng", true)

	// placeStop ends a street or hamlet name: administrative units and agencies.
	placeStop = newWordSet("phường", "=xã", "quận", "huyện", "tỉnh", "tp", "tx", "=đặc",
		"ubnd", "hđnd", "=sở", "=phòng", "=ủy", "=uỷ", "=bộ", "=cục", "=và", "=của",
		"=gần", "=cạnh", "=đối", "=thuộc")
	placePairs = newPairSet("thành phố", "thị xã", "thị trấn", "đặc khu", "trung tâm")

	// docBefore: "số" after these words numbers a document, not a house.
	docBefore = newWordSet("định", "văn", "bản", "báo", "hoạch", "trình", "tư", "cáo", "=sơ",
		"nhận", "phiếu", "lệnh", "thị", "quyết", "luật", "điều", "khoản", "mục", "trang", "tập",
		"lục", "án", "hiệu", "thông", "chỉ", "lần", "=thứ", "=tờ", "=thửa", "đồ", "đơn", "=giấy",
		"=chứng", "biên", "mẫu", "=hộ", "danh", "thuế", "khoản", "định", "=chiếu", "=sổ", "=hiệu",
		"=xe", "cccd", "cmnd", "mst", "stk", "bks", "=thoại", "sđt", "đt", "=dân")
	// numBefore: a number after these words is not a house number.
	numBefore = newWordSet("km", "điều", "khoản", "điểm", "chương", "mục", "có", "các", "gồm",
		"những", "tuyến", "khoảng", "hơn", "trên", "dưới", "gần", "=thứ", "lần", "quốc", "=lộ",
		"tỉnh", "năm", "tháng", "ngày", "=số")
)

type addrMode uint8

const (
	modeStart   addrMode = iota // a component that begins an address by itself
	modeCaps                    // the same, and a house number may be followed by a bare street name
	modeContext                 // the first component after "địa chỉ", "trú tại", …
	modeCont                    // a component that continues an address
)

// letterSuffix skips a one-letter suffix of a house number: "12A".
func (d *doc) letterSuffix(j int) int {
	if w := d.word(j); w != nil && len([]rune(w.low)) == 1 {
		return j + 1
	}
	return j
}

// houseNum parses a house number at token i ("12", "12A", "12/3", "123B/4/5", "12-14") and
// returns the token after it, or -1. Document numbers ("12/QĐ-UBND"), dates in a code and
// decimals are not house numbers.
func (d *doc) houseNum(i int) int {
	// A letter before the number: "C12/4", "B2-15".
	if w := d.word(i); w != nil && w.ascii && w.upper && len(w.low) == 1 && d.num(i+1) && d.t[i+1].s == w.e {
		i++
	}
	if !d.num(i) || len(d.t[i].low) > 5 {
		return -1
	}
	j := d.letterSuffix(i + 1)
	for k := 0; k < 4 && d.punct(j, "/") && d.num(j+1) && len(d.t[j+1].low) <= 4; k++ {
		j = d.letterSuffix(j + 2)
	}
	for k := 0; k < 2 && d.punct(j, "-") && d.num(j+1) && len(d.t[j+1].low) <= 5; k++ {
		j = d.letterSuffix(j + 2) // "12-14", "B2-15-08"
	}
	if d.alnum(j) || (d.punct(j, "/-–") && d.alnum(j+1)) || (d.punct(j, ".,") && d.numish(j+1)) {
		return -1
	}
	return j
}

// capRun parses up to max capitalised words, one space apart, that may name a street or
// a hamlet, and a small number after them ("Bình Khánh 3"). It returns the token after the
// run and the number of words.
func (d *doc) capRun(i, max int) (int, int) {
	j, n, end := i, 0, i
	for n < max {
		w := d.word(j)
		if w == nil || !w.upper || placeStop.has(w) || (d.sp(j+1) && placePairs.has(w, d.word(j+2))) {
			break
		}
		if d.numish(j + 1) { // a word glued to digits is a code, not a name
			break
		}
		n++
		end = j + 1
		if !d.sp(j+1) || d.t[j+1].e-d.t[j+1].s > 2 {
			break
		}
		j += 2
	}
	if n > 0 && d.sp(end) && d.num(end+1) && len(d.t[end+1].low) <= 3 && !d.alnum(end+2) &&
		!(d.punct(end+2, "/.,-") && d.alnum(end+3)) {
		end += 2
	}
	return end, n
}

// titleStart reports whether the capitalised words at i begin an agency, a title or a
// document rather than a street: "Sở Tư pháp", "Quyết định".
func (d *doc) titleStart(i int) bool {
	w := d.word(i)
	if w == nil {
		return true
	}
	return titleStop.has(w) || (d.sp(i+1) && pairStop.has(w, d.word(i+2)))
}

// streetName parses the name after a street keyword: "Trần Hưng Đạo", "số 5", "30/4",
// "3 Tháng 2".
func (d *doc) streetName(i int) int {
	if d.num(i) {
		e := d.houseNum(i)
		if e >= 0 && d.sp(e) && d.word(e+1) != nil && monthKW.match(&d.t[e+1]) && d.sp(e+2) && d.num(e+3) {
			e += 4
		}
		return e
	}
	if w := d.word(i); w != nil && soKW.match(w) && d.sp(i+1) {
		return d.houseNum(i + 2)
	}
	if e, n := d.capRun(i, 6); n > 0 && !titleStop.has(&d.t[i]) {
		return e
	}
	return -1
}

// streetTail extends a house number ending at h with its street: "12 đường Lê Lợi",
// "12, hẻm 45", and, if caps, "12 Trần Hưng Đạo" (two capitalised words at least).
func (d *doc) streetTail(h int, caps bool) int {
	j := h
	if d.punct(j, ",") {
		j++
	}
	if !d.sp(j) {
		return h
	}
	j++
	if e := d.longest(j, streetKWs); e >= 0 && d.sp(e) {
		if s := d.streetName(e + 1); s >= 0 {
			return s
		}
		return h
	}
	if caps && j == h+1 && !d.titleStart(j) {
		if e, n := d.capRun(j, 6); n >= 2 {
			return e
		}
	}
	return h
}

// skipSo skips "số", ":" and spaces before a number.
func (d *doc) skipSo(j int) int {
	for n := 0; n < 4; n++ {
		switch {
		case d.sp(j), d.punct(j, ":"):
		case d.word(j) != nil && soKW.match(&d.t[j]):
		default:
			return j
		}
		j++
	}
	return j
}

// comp parses one address component at token i and returns the token after it, or -1.
func (d *doc) comp(i int, mode addrMode) int {
	if e := d.longest(i, houseKWs); e >= 0 {
		if h := d.houseNum(d.skipSo(e)); h >= 0 {
			return d.streetTail(h, true)
		}
		return -1
	}
	if w := d.word(i); w != nil && soKW.match(w) {
		if !d.sp(i + 1) {
			return -1
		}
		h := d.houseNum(i + 2)
		if h < 0 {
			return -1
		}
		if t := d.streetTail(h, true); t > h || mode == modeContext {
			return t
		}
		// "số 41 ấp Phú Thạnh", "số 112, ấp 3": a house of a hamlet.
		j := h
		if d.punct(j, ",") {
			j++
		}
		if d.sp(j) {
			if a := d.longest(j+1, areaKWs); a > j+1 {
				if e := d.comp(j+1, modeContext); e > a {
					return e
				}
			}
		}
		return -1
	}
	if d.num(i) || mode >= modeContext && d.houseNum(i) > i+1 && !d.num(i) {
		h := d.houseNum(i)
		if h < 0 {
			return -1
		}
		if t := d.streetTail(h, mode == modeContext || mode == modeCaps); t > h || mode == modeContext {
			return t
		}
		return -1
	}
	if e := d.longest(i, alleyKWs); e >= 0 && d.sp(e) {
		if h := d.houseNum(d.skipSo(e)); h >= 0 {
			return d.streetTail(h, false)
		}
		if mode >= modeContext && !d.titleStart(e+1) {
			if c, n := d.capRun(e+1, 6); n > 0 {
				return c
			}
		}
		return -1
	}
	if e := d.longest(i, groupKWs); e >= 0 {
		return d.houseNum(d.skipSo(e))
	}
	if mode < modeContext {
		return -1
	}
	if e := d.longest(i, streetKWs); e >= 0 && d.sp(e) {
		return d.streetName(e + 1)
	}
	if e := d.longest(i, areaKWs); e >= 0 && d.sp(e) {
		j := d.skipSo(e)
		if h := d.houseNum(j); h >= 0 {
			return h
		}
		if d.num(j) {
			return -1
		}
		if c, n := d.capRun(j, 6); n > 0 && !d.titleStart(j) {
			return c
		}
	}
	return -1
}

// addrChain parses an address starting at token i and returns the token after it, or -1.
func (d *doc) addrChain(i int, mode addrMode) int {
	e := d.comp(i, mode)
	if e < 0 {
		return -1
	}
	for n := 0; n < 8; n++ {
		j := e
		if d.punct(j, ",-–;") {
			j++
		}
		if d.sp(j) {
			j++
		}
		if j == e {
			break
		}
		ne := d.comp(j, modeCont)
		if ne < 0 {
			break
		}
		e = ne
	}
	return e
}

// addrStart fires at a keyword that begins an address by itself: "số nhà", "hẻm", "tổ".
func addrStart(d *doc, i, _ int) {
	if e := d.addrChain(i, modeStart); e > i {
		d.addTok(i, e, Address, 2)
	}
}

// addrSo fires at "số": "số 12 Trần Hưng Đạo", unless "số" numbers a document.
func addrSo(d *doc, i, j int) {
	// "Quyết định số 12", and "đường số 9": a numbered street, not a house.
	if docBefore.has(d.prevWord(i)) || numberedBefore.has(d.prevWord(i)) {
		return
	}
	addrStart(d, i, j)
}

// numberedBefore: "số" after these words numbers a street or a road, not a house.
var numberedBefore = newWordSet("đường", "tuyến", "=lộ", "kênh", "=cầu", "=quốc", "=tỉnh")

// atBefore: a number after these words may be a house number with a bare street name.
var atBefore = newWordSet("ở", "tại", "=nhà")

// addrAbbrev fires at "đ" of "đ/c" (địa chỉ) before a colon.
func addrAbbrev(d *doc, i, j int) {
	if d.punct(j, "/") && d.word(j+1) != nil && d.t[j+1].fold == "c" && d.punct(j+2, ":") {
		addrContext(d, i, j+3)
	}
}

var addrConn = newWordSet("tại", "ở", "là", "hiện", "nay", "của", "tôi", "thường", "tạm", "trú",
	"cư", "ngụ", "người", "phản", "ánh", "liên", "hệ", "gia", "đình", "nhà", "mình", "em", "chúng",
	"ông", "bà", "anh", "chị")

// addrContext fires after "địa chỉ", "trú tại", …: the address that follows is masked even
// when it is only a hamlet or a house number.
func addrContext(d *doc, _, j int) {
	for n := 0; n < 8 && j < len(d.t); n++ {
		t := &d.t[j]
		if (t.k == tSpace && t.nl <= 1) || d.punct(j, ":-–") || addrConn.has(t) {
			j++
			continue
		}
		break
	}
	// "Luật Cư trú 2020": a year after the word is a law's.
	if d.num(j) && len(d.t[j].low) == 4 && (strings.HasPrefix(d.t[j].low, "19") || strings.HasPrefix(d.t[j].low, "20")) && !d.alnum(j+2) {
		return
	}
	if e := d.addrChain(j, modeContext); e > j {
		d.addTok(j, e, Address, 2)
	}
}

var (
	parcelKWs = phrases("thửa đất", "thửa", "tờ bản đồ", "tờ bản đồ địa chính", "lô đất")
	toKW      = phrase("=tờ")
	parcelSep = newWordSet("thuộc", "=và", "tại")
)

// parcelComp parses "thửa đất số 123", "tờ bản đồ số 45", or, continuing, "tờ 45".
func (d *doc) parcelComp(i int, cont bool) int {
	e := d.longest(i, parcelKWs)
	if e < 0 && cont {
		e = d.seq(i, toKW)
	}
	if e < 0 || !(d.sp(e) || d.punct(e, ":")) {
		return -1
	}
	return d.houseNum(d.skipSo(e))
}

// parcelStart fires at "thửa", "tờ bản đồ", "lô đất".
func parcelStart(d *doc, i, _ int) {
	e := d.parcelComp(i, false)
	if e < 0 {
		return
	}
	for n := 0; n < 4; n++ {
		j := e
		if d.punct(j, ",;-–") {
			j++
		}
		if d.sp(j) {
			j++
		}
		if w := d.word(j); w != nil && parcelSep.has(w) && d.sp(j+1) {
			j += 2
		}
		if j == e {
			break
		}
		ne := d.parcelComp(j, true)
		if ne < 0 {
			break
		}
		e = ne
	}
	d.addTok(i, e, LandParcel, 2)
}
