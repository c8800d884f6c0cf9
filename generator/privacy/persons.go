package privacy

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/fold"
)

// Names of persons are found by what they are, not only by what stands before them: a
// Vietnamese family name (họ) followed by capitalised syllables, in any case ("Nguyễn Văn An",
// "NGUYỄN VĂN AN", "Nguyen Van An", "Nguyễn văn Phát", "nguyễn văn phát"). A short list of
// family names covers nearly every Vietnamese; names of the ethnic minorities of the Central
// Highlands and of the Khmer of the Mekong delta have family names and prefixes of their own
// ("H'Hen Niê", "Ksor Ni", "Thạch Sa Rinh", "Danh Sơn"), listed too.
//
// What stays: places, streets, schools and other institutions named after a person
// ("đường Lê Lợi", "phường Trần Phú", "trường THPT Nguyễn Trãi"), known places and heroes
// whose name begins like a person's ("Hà Nội", "Cao Bằng", "Hồ Chí Minh"), the names the
// caller allows (the agencies and places of its registry), and, in what an agency wrote
// (Agency), officials named in their role ("Chủ tịch UBND xã Nguyễn Văn Tư", "Nguyễn Văn X,
// Phó Giám đốc Sở"): officials acting in office are public.

// surnames are family names, as typed with their diacritics. The '=' entries match only with
// them: their form without diacritics is a common word of other texts ("Do", "To", "La").
var surnames = newWordSet(
	"nguyễn", "trần", "=lê", "phạm", "hoàng", "huỳnh", "phan", "=vũ", "=võ", "đặng", "bùi",
	"=đỗ", "=hồ", "=ngô", "dương", "=lý", "=lí", "đào", "đoàn", "vương", "trịnh", "trương",
	"=lâm", "phùng", "=mai", "=tô", "=hà", "=tạ", "=cao", "lương", "đinh", "quách", "=lưu",
	"châu", "=chu", "diệp", "=đàm", "kiều", "=kim", "=la", "=lại", "lục", "=mạc", "mạch",
	"nghiêm", "=phó", "=quan", "=tăng", "=thái", "=thân", "tiêu", "=tôn", "triệu", "=từ",
	"=vi", "=viên", "giang", "hứa", "khổng", "khúc", "khương", "=lạc", "=lò", "=lỗ", "=lữ",
	"=mã", "=mẫn", "nông", "=ninh", "=phí", "=thạch", "thiều", "tống", "=trang", "=trà",
	"uông", "=ưng", "=âu", "bạch", "=bế", "=cù", "doãn", "=giáp", "=hầu", "=hàn", "khuất",
	"=lã", "=lăng", "=sầm", "=tất", "thiệu", "=trình", "=ung", "=vưu", "=lều", "=nhan",
	"=quản", "=tiền", "=đồng", "=danh", "=điểu", "ksor", "=siu", "rmah", "=kpă", "kpa",
	"=niê", "êban", "=mlô", "=byă", "adrơng", "hđơk", "=ayun", "êung", "=rcom",
	"=nay", "=néang", "=chau", "=lồ", "=sìn", "=vàng", "=thào", "=giàng", "=sùng", "=mùa",
	"=hờ", "=ly", "=bàn", "=cil", "=liêng", "=lường", "=quàng", "=cầm", "=vừ", "=lầu", "=chảo",
	"=tẩn", "=lù", "=pờ", "=phàn", "=rơ", "=ka", "=kiên", "=chamaléa", "=pinăng", "=katơr",
)

// strongASCII are the family names that, written without diacritics and capitalised, are a
// person's name even in a text with diacritics ("chủ tài khoản NGUYEN VAN AN"): no other word
// is written so.
var strongASCII = map[string]bool{
	"nguyen": true, "tran": true, "pham": true, "hoang": true, "huynh": true, "phan": true,
	"dang": true, "bui": true, "ngo": true, "duong": true, "dao": true, "doan": true,
	"vuong": true, "trinh": true, "truong": true, "phung": true, "luong": true, "dinh": true,
	"quach": true, "luu": true, "chau": true, "diep": true, "kieu": true, "nghiem": true,
	"trieu": true, "khong": true, "vo": true, "vu": true, "le": true,
}

// middleNames may be written in lower case inside a name ("Nguyễn văn Phát").
var middleNames = newWordSet("văn", "thị", "hữu", "đức", "đình", "công", "minh", "ngọc",
	"thanh", "quốc", "xuân", "kim", "bá", "thu", "mỹ", "hoàng", "quang", "trọng", "duy",
	"tấn", "tiến", "như", "phương", "hồng", "gia", "thế", "viết", "khắc", "nhật", "phước")

// vanThi begin the given names of an all-lower-case name ("nguyễn văn phát").
var vanThi = newWordSet("văn", "thị")

// notGiven are lower-case words that end an all-lower-case name: "nguyễn văn an đến".
var notGiven = newWordSet("đã", "đang", "sẽ", "là", "và", "có", "ở", "tại", "của", "cho",
	"với", "được", "bị", "không", "đến", "đi", "về", "từ", "trong", "này", "đó", "thì", "mà",
	"nhưng", "nên", "vì", "do", "khi", "ngày", "tháng", "năm", "xin", "đề", "nộp", "gửi",
	"hỏi", "số", "trú", "ngụ", "cũng", "vẫn", "rất", "hay", "hoặc", "lại", "ra",
	"vào", "lên", "xuống", "làm", "nhà", "tôi", "ông", "bà", "anh", "chị", "em", "con",
	"cháu", "mẹ", "bố", "cha", "vợ", "chồng", "sdt", "sđt", "đt", "email", "cccd", "cmnd")

// institutionBefore: after these words a name is an institution's or a place's: "trường
// THPT Nguyễn Trãi", "bệnh viện Trưng Vương", "chợ Bà Chiểu", "phường Lê Lợi".
var institutionBefore = newWordSet("tỉnh", "huyện", "=xã", "phường", "quận", "=trấn", "=phố",
	"đường", "=cầu", "=chợ", "=chùa", "=miếu", "=đình", "=lăng", "=đền", "=núi", "=sông",
	"=rạch", "kênh", "=kinh", "=ấp", "khóm", "=thôn", "=xóm", "hẻm", "=ngõ", "kiệt", "ngách",
	"=bến", "=cồn", "=đảo", "=lộ", "trường", "thpt", "thcs", "ptth", "=viện", "=học", "=non",
	"=giáo", "=đẳng", "=nghề", "=viên", "=đài", "=niệm", "=tượng", "=khu", "=cụm", "=cảng",
	"tp", "tx", "=ga", "tưởng", "=đội", "=quán", "=cư", "=bản", "=buôn", "=bệnh", "bv", "=karaoke")

// knownNames are places and historic figures whose names begin like a person's, folded; the
// caller's registry adds its own agencies and places.
var knownNames = []string{
	// Provinces, cities, districts and places whose names begin like a person's.
	"hà nội", "hà giang", "hà nam", "hà tĩnh", "hà tiên", "hà đông", "hà tây", "cao bằng",
	"cao lãnh", "lâm đồng", "lạng sơn", "ninh bình", "ninh thuận", "ninh kiều", "thái bình",
	"thái nguyên", "tiền giang", "đồng nai", "đồng tháp", "đồng hới", "đồng xoài", "hồ chí minh",
	"châu đốc", "châu thành", "châu phú", "châu đức", "châu phong", "mai châu", "mai sơn",
	"lý sơn", "phan thiết", "phan rang", "phan rí", "lê chân", "kim bảng", "kim sơn",
	"lạc dương", "lương sơn", "cao phong", "lục ngạn", "lục nam", "quan hóa", "quan sơn",
	"hoàng mai", "hoàng su phì", "hồ tây", "từ sơn", "thái hòa", "giang thành", "tịnh biên",
	"trà vinh", "trà ôn", "trà cú", "đoàn kết", "đồng tâm", "kim long", "phú quốc",
	"hai bà trưng", "bà rịa", "bà chiểu", "bà điểm", "bà đen", "ông lãnh", "ông đốc", "bà chúa xứ",
	// The other provinces and cities before 2025, by their names without their kind.
	"an giang", "bà rịa vũng tàu", "bắc giang", "bắc kạn", "bạc liêu", "bắc ninh", "bến tre",
	"bình định", "bình dương", "bình phước", "bình thuận", "cà mau", "cần thơ", "đà nẵng",
	"đắk lắk", "đắk nông", "điện biên", "gia lai", "hải dương", "hải phòng", "hậu giang",
	"hòa bình", "hưng yên", "khánh hòa", "kiên giang", "kon tum", "lai châu", "lào cai",
	"long an", "nam định", "nghệ an", "phú thọ", "phú yên", "quảng bình", "quảng nam",
	"quảng ngãi", "quảng ninh", "quảng trị", "sóc trăng", "sơn la", "tây ninh", "thanh hóa",
	"thừa thiên huế", "tuyên quang", "vĩnh long", "vĩnh phúc", "yên bái", "buôn ma thuột",
	"ngô sĩ liên", "năm căn", "bảy núi", "ba đình", "ba vì", "ba tri", "ba thê", "ba chẽ",
	"ba bể", "ba tơ", "ba láng", "ba na", "ba đồn", "mười ba", "chợ lớn",
	// Countries.
	"thái lan", "hà lan", "hoa kỳ", "triều tiên",
	// Heroes and writers streets, schools and wards are named after.
	"trần hưng đạo", "lê lợi", "nguyễn huệ", "lý thường kiệt", "nguyễn trãi", "lê duẩn",
	"võ nguyên giáp", "phan bội châu", "phan chu trinh", "phan châu trinh", "nguyễn du",
	"lê thánh tông", "trần phú", "nguyễn văn cừ", "tôn đức thắng", "phạm văn đồng",
	"lê hồng phong", "nguyễn thị minh khai", "lý thái tổ", "đinh tiên hoàng", "nguyễn đình chiểu",
	"trương định", "võ thị sáu", "lê văn tám", "nguyễn thái học", "phạm ngũ lão",
	"nguyễn tri phương", "lê quý đôn", "chu văn an", "nguyễn bỉnh khiêm", "lý tự trọng",
	"tôn thất thuyết", "hoàng diệu", "nguyễn văn linh", "nguyễn trung trực", "trần quốc toản",
	"ngô quyền", "võ văn kiệt", "nguyễn văn trỗi", "phan đình phùng", "hoàng văn thụ",
	"nguyễn khuyến", "phan đăng lưu", "nguyễn chí thanh", "lê đại hành", "trần nhân tông",
	"lý nam đế", "mạc đĩnh chi", "trần quang khải", "nguyễn thị định", "huỳnh thúc kháng",
	"tôn thất tùng", "lê văn sỹ", "trần khánh dư", "lê lai", "đinh bộ lĩnh",
	"trần bình trọng", "lý chính thắng", "phan văn trị", "võ trường toản",
	"nguyễn an ninh", "huỳnh tấn phát", "nguyễn hữu thọ", "trần văn ơn", "lê thị riêng",
	"trần quốc tuấn", "hồ xuân hương", "đoàn thị điểm", "bùi thị xuân",
	"trần cao vân", "ngô gia tự", "lê thánh tôn", "nguyễn công trứ", "lê quang định",
	"tôn đản", "hồ tùng mậu", "ngô thì nhậm", "lương thế vinh",
	"hùng vương", "kim đồng", "trưng trắc", "trưng nhị", "lê văn lương", "phạm hùng",
	"lâm viên", "lang biang",
}

// officialTitles name offices whose holders act in public: a name after one, or after one
// and the body it heads, is an official's ("Chủ tịch UBND xã Mỹ Hòa Nguyễn Văn Tư").
var officialTitles = phrases("chủ tịch", "giám đốc", "chánh văn phòng", "chánh thanh tra",
	"trưởng phòng", "trưởng ban", "bí thư", "thủ trưởng", "chủ nhiệm", "cục trưởng",
	"vụ trưởng", "bộ trưởng", "thứ trưởng", "thủ tướng", "đồng chí", "đ/c", "chánh án",
	"viện trưởng", "trưởng công an", "tổng giám đốc", "tổng cục trưởng", "chi cục trưởng",
	"người ký", "kt", "tm", "tl", "tuq", "c", // "c" of "đ/c"
	"trưởng ấp", "trưởng thôn", "trưởng khóm", "trưởng khu phố", "trưởng bản", "trưởng buôn",
	"tổ trưởng tổ dân phố", "hiệu trưởng", "công chức", "cán bộ", "kiểm lâm viên")

// bodyWords may stand between an official's title and name: the body the office belongs to.
var bodyWords = newWordSet("ubnd", "hđnd", "ủy", "uỷ", "ban", "nhân", "dân", "sở", "phòng",
	"văn", "tỉnh", "huyện", "xã", "phường", "thị", "trấn", "thành", "phố", "quận", "đặc",
	"khu", "cấp", "và", "của", "tư", "pháp", "nội", "vụ", "tài", "chính", "công", "an",
	"trung", "tâm", "phục", "hành", "đảng", "đoàn", "mặt", "trận", "tổ", "quốc", "chi", "cục",
	"thanh", "tra", "phó", "ký", "kt", "tm", "tl", "tuq", "chủ", "tịch", "giám", "đốc")

// Author is who wrote a text: an agency's answer may name officials in their role, a
// citizen's question names no one who may be shown.
type Author uint8

// The authors.
const (
	Citizen Author = iota // a petition's question and subject: every person's name is masked
	Agency                // an answer: officials named in their role stay
)

// Masker finds personal data with the names a site allows: its agencies and places, which
// begin like a person's name as often as not ("Ủy ban nhân dân xã Võ Thị Sáu").
type Masker struct {
	// allow holds the allowed phrases by their first two words, folded ("uy ban"): a
	// national site keeps thousands of agency names, most of them beginning with the same
	// word, and every occurrence of that word was tried against all of them.
	allow map[string][]allowed
}

// allowed is a phrase the masker keeps, word by word in lower case and folded: a word of a
// text with diacritics must match with them ("Ba Tơ" is a district, "bà Tô" a person).
type allowed struct {
	low, fold []string
	upper     bool // the phrase is found only capitalised, as places are written
}

// NewMasker returns a masker that keeps the phrases of allow, besides the places and heroes
// it knows.
func NewMasker(allow []string) *Masker {
	m := &Masker{allow: map[string][]allowed{}}
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !isMark(r) && r != '\'' }
	for i, p := range append(slicesClone(knownNames), allow...) {
		low := strings.FieldsFunc(strings.ToLower(norm.NFC.String(p)), notWord)
		if len(low) < 2 {
			continue
		}
		// The places and heroes known are proper names: "Ba Tơ" is a district, "bà Tô" a
		// person. A site's own names are found as it writes them.
		first, _ := utf8.DecodeRuneInString(strings.TrimSpace(p))
		a := allowed{low: low, upper: i < len(knownNames) || unicode.IsUpper(first)}
		for _, w := range low {
			a.fold = append(a.fold, fold.String(w))
		}
		key := a.fold[0] + " " + a.fold[1]
		m.allow[key] = append(m.allow[key], a)
	}
	return m
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

var defaultMasker = NewMasker(nil)

// allowedTokens marks the tokens inside an allowed phrase: capitalised, as places and
// agencies are written.
func (d *doc) allowedTokens() []bool {
	if d.allowed != nil {
		return d.allowed
	}
	d.allowed = make([]bool, len(d.t))
	if d.m == nil {
		return d.allowed
	}
	for i := range d.t {
		w := d.word(i)
		if w == nil {
			continue
		}
		next := d.word(d.afterSeparator(i + 1))
		if next == nil {
			continue
		}
		for _, p := range d.m.allow[w.fold+" "+next.fold] {
			if e := d.phraseEnd(i, p); e > 0 && (w.upper || !p.upper) {
				for k := i; k < e; k++ {
					d.allowed[k] = true
				}
			}
		}
	}
	return d.allowed
}

// afterSeparator returns the token after the spaces and dashes that begin at token i, or
// -1 if none does.
func (d *doc) afterSeparator(i int) int {
	k := i
	for k < len(d.t) && (d.sp(k) || d.punct(k, "-–")) {
		k++
	}
	if k == i {
		return -1
	}
	return k
}

// phraseEnd matches the phrase p at token i, its words separated by spaces or dashes, and
// returns the token after them, or -1.
func (d *doc) phraseEnd(i int, p allowed) int {
	j := i
	for n := range p.low {
		if n > 0 {
			if j = d.afterSeparator(j); j < 0 {
				return -1
			}
		}
		t := d.word(j)
		if t == nil || t.loose && t.fold != p.fold[n] || !t.loose && t.low != p.low[n] {
			return -1
		}
		j++
	}
	return j
}

// surnameFolds are the family names without diacritics: in a text written without them,
// any may begin a name before "Van" or "Thi" ("Lam Thi Be Ba").
var surnameFolds = surnames.allFolds()

// isSurname reports whether word token i begins a person's name by its family name.
func (d *doc) isSurname(i int) bool {
	t := &d.t[i]
	if !t.upper {
		return false
	}
	if surnames.has(t) || (t.ascii && strongASCII[t.fold]) {
		return true
	}
	// In a text without diacritics a family name that is also a common word ("Ban", "Lo",
	// "Ha") begins a name only before "Van" or "Thi".
	if t.loose && surnameFolds[t.fold] && d.sp(i+1) && d.word(i+2) != nil && vanThi.has(d.word(i+2)) {
		return true
	}
	// Written without diacritics in capitals: "NGUYEN", "LE".
	if t.ascii && surnames.fold[t.fold] && allUpper(d.s[t.s:t.e]) {
		return true
	}
	// Rơ Lan, Rơ Mah, Rơ Chăm, Rơ Ô: Jrai family names of two words.
	if (t.low == "rơ" || t.fold == "ro") && d.sp(i+1) && d.word(i+2) != nil && roNames.has(d.word(i+2)) && d.word(i+2).upper {
		return true
	}
	// H'Hen, Y'Bih, K'Bruh, Y Khoa Niê: the prefixes of Êđê, Jrai and K'Ho names.
	w := d.s[t.s:t.e]
	if apostrophePrefix(w) {
		return true
	}
	return d.highlandName(i)
}

var roNames = newWordSet("lan", "mah", "chăm", "châm", "ô", "com", "mă")

// apostrophePrefix reports whether a word begins with H', Y' or K': "H'Hen", "K'Bruh".
func apostrophePrefix(w string) bool {
	return len(w) > 3 && strings.ContainsRune("HYKhyk", rune(w[0])) && (w[1] == '\'' || strings.HasPrefix(w[1:], "’"))
}

// highlandName reports whether the word at i, "Y" or "H", begins an Êđê or Jrai name ("Y
// Moan", "H Hen", "Y Khoa Niê"), not a word of medicine ("Y Tế", "SỞ Y TẾ", "Y Khoa").
func (d *doc) highlandName(i int) bool {
	if w := d.s[d.t[i].s:d.t[i].e]; d.t[i].k != tWord || w != "Y" && w != "H" || !d.sp(i+1) {
		return false
	}
	next := d.word(i + 2)
	if next == nil || !next.upper || titleStop.has(next) {
		return false
	}
	third := d.word(i + 4)
	return !notAfterY.has(next) || d.sp(i+3) && third != nil && third.upper && !titleStop.has(third)
}

// notAfterY: "Y" before these is the word for medicine ("Sở Y Tế", "Y Khoa").
var notAfterY = newWordSet("tế", "khoa", "học", "dược", "sĩ", "tá", "bạ", "lý", "đức", "viện")

func allUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 1
}

// nicknames begin the names the South calls people by, their rank among their siblings or
// "Út", "Bé" before a given name: "Tư Lượm", "Út Hiền", "Hai Lúa", "Sáu Tỏ", "Bé Bảy".
var nicknames = newWordSet("hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "út",
	"bé", "cả")

// notNickname: after these an ordinal is a day or a number: "thứ Hai", "lần Ba", "kênh Mười Ba".
var notNickname = newWordSet("thứ", "lần", "tháng", "kỳ", "khóa", "đợt", "lớp", "tập", "phần",
	"số", "kênh", "=ấp", "tổ", "khu", "quý", "chương", "mục", "=bà", "cộng", "tới", "ngày")

// scanNicknames finds a nickname: an ordinal, "Út" or "Bé" capitalised before a capitalised
// given name, not a place, a weekday or a number.
func (d *doc) scanNicknames() {
	allowed := d.allowedTokens()
	for i := range d.t {
		t := &d.t[i]
		if t.k != tWord || !t.upper || !nicknames.has(t) || allowed[i] || !d.sp(i+1) {
			continue
		}
		w := d.word(i + 2)
		if w == nil || !w.upper || allowed[i+2] || titleStop.has(w) || nicknames.has(w) || pairStop.has(t, w) ||
			allUpper(d.s[w.s:w.e]) || notNickname.has(d.prevWord(i)) || d.institution(i) {
			continue
		}
		d.addTok(i, i+3, Name, 1)
	}
}

// scanSurnames finds names that begin with a family name.
func (d *doc) scanSurnames() {
	allowed := d.allowedTokens()
	for i := 0; i < len(d.t); i++ {
		t := &d.t[i]
		if t.k != tWord || allowed[i] {
			continue
		}
		var e, n int
		if d.isSurname(i) {
			if e, n = d.givenNames(i); n == 0 && apostrophePrefix(d.s[t.s:t.e]) && !d.prevWord(i).upper {
				e, n = i+1, 1 // "chồng em là K'Brai", not "thôn Đưng K'Si"
			}
		} else if !t.upper && (d.lowerSurname(t) || t.loose && surnameFolds[t.fold]) {
			// In lower case, a family name that is also a word ("hồ", a lake) begins a
			// capitalised name only if it is one no other word is written like.
			if e, n = d.givenNames(i); n < 2 || !d.lowerSurname(t) || !strongASCII[t.fold] {
				e, n = d.lowerName(i) // "nguyễn văn phát", "lo van sinh"; or "nguyễn Thị Ánh" above
			}
		} else if !t.upper && t.loose && apostrophePrefix(d.s[t.s:t.e]) {
			e, n = d.lowerGiven(i+1, 1, 4) // "h'linh nie"
		}
		if n == 0 || d.institution(i) {
			continue
		}
		d.addTok(i, e, Name, 1)
		i = e
	}
}

// givenNames reads the syllables after a family name at token i: capitalised words one space
// apart, a common middle name in lower case among them ("Nguyễn văn Phát"). It returns the
// token after the name and the number of syllables after the family name, or 0.
func (d *doc) givenNames(i int) (e, n int) {
	e = i + 1
	first := &d.t[i]
	if d.sp(i+1) && pairStop.has(first, d.word(i+2)) {
		return 0, 0
	}
	for k := i + 2; n < 5 && d.sp(k-1) && d.t[k-1].e-d.t[k-1].s <= 2; k += 2 {
		w := d.word(k)
		if w == nil || d.numish(k+1) || utf8.RuneCountInString(d.s[w.s:w.e]) > 8 {
			break
		}
		if !w.upper {
			// A lower-case middle name, if a capitalised syllable follows.
			if !middleNames.has(w) || !d.sp(k+1) {
				break
			}
			if next := d.word(k + 2); next == nil || !next.upper {
				break
			}
		}
		// After a family name "Văn" is a middle name, whatever follows: "Pham Van Hoa" is not
		// "văn hóa".
		middle := n == 0 && vanThi.has(w)
		if titleStop.has(w) && !middleNames.has(w) || truncStop.has(w) || (!middle && d.sp(k+1) && pairStop.has(w, d.word(k+2))) {
			break
		}
		if d.allowedTokens()[k] {
			break
		}
		n++
		e = k + 1
	}
	return e, n
}

// surname reports whether a word is a family name as written: with its diacritics, or in a
// text without them, folded.
func (d *doc) surname(t *token) bool {
	return surnames.has(t) || t.loose && surnameFolds[t.fold]
}

// lowerSurname reports whether a word in lower case is a family name: in a text without
// diacritics only the names no word is written like ("nguyen", not "la", which is "là").
func (d *doc) lowerSurname(t *token) bool {
	if t.loose {
		return strongASCII[t.fold]
	}
	return surnames.has(t)
}

// lowerName reads an all-lower-case name at token i: a family name, "văn" or "thị", and one
// or two more syllables ("nguyễn văn phát").
func (d *doc) lowerName(i int) (e, n int) {
	if !d.sp(i+1) || d.word(i+2) == nil || !vanThi.has(d.word(i+2)) || d.word(i+2).upper {
		return 0, 0
	}
	if e, n = d.lowerGiven(i+3, 1, 3); n < 2 {
		return 0, 0 // "văn" alone may be the word: "lê văn bản"
	}
	return e, n
}

// lowerGiven reads lower-case given names from token e, up to max of them with the n read
// before, and returns the token after them and the number in all.
func (d *doc) lowerGiven(e, n, max int) (int, int) {
	for k := e + 1; n < max && d.sp(k-1) && d.t[k-1].nl == 0; k += 2 {
		w := d.word(k)
		if w == nil || w.upper || notGiven.has(w) || titleStop.has(w) || utf8.RuneCountInString(d.s[w.s:w.e]) > 7 {
			break
		}
		n++
		e = k + 1
	}
	return e, n
}

// institution reports whether the name at token i names a place or an institution: it
// follows a word that makes it one ("đường Lê Lợi", "trường THPT Nguyễn Trãi").
func (d *doc) institution(i int) bool {
	p := d.prevWord(i)
	if householdNot.has(d.prevWord(d.tokenAt(int(p.s)))) && p.low == "hộ" {
		return true // "rừng phòng hộ Lâm Viên"
	}
	if !institutionBefore.has(p) && !(p.loose && institutionFolds[p.fold]) {
		return false
	}
	// "Trưởng ấp Lê Văn Út" is the head of a hamlet, not a hamlet; "Phó Chủ tịch UBND xã
	// Nguyễn Thành Công" a person after the office, not a commune.
	k := d.tokenAt(int(p.s))
	if pp := d.prevWord(k); pp.k == tWord && (pp.low == "trưởng" || pp.fold == "truong" || pp.low == "phó") {
		return false
	}
	for b, words := k-1, 0; b >= 0 && words < 4; b-- {
		if d.t[b].k == tWord {
			words++
			if d.longest(b, officialTitles) > b {
				return false
			}
		}
	}
	return true
}

// institutionFolds are the words of institutionBefore without diacritics, for texts written
// without them ("xa Lam Binh", "phuong Tran Phu").
var institutionFolds = institutionBefore.allFolds()

// official reports whether the name [s, e) is an official's in their role: a title stands
// before it in the same sentence, with the body it heads between them ("Chủ tịch UBND xã Mỹ
// Hòa Nguyễn Văn Tư", "Trưởng phòng Đăng ký và cấp giấy chứng nhận Nguyễn Thanh Sơn",
// "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn X"), or after it behind a comma, a dash or a
// bracket ("Nguyễn Văn X, Phó Giám đốc Sở Tư pháp"). A company's director is no official:
// "Giám đốc Công ty TNHH …", or a title in a sentence about a company.
func (d *doc) official(s, e int) bool {
	words := 0
	for k := s - 1; k >= 0 && words < 14; k-- {
		t := &d.t[k]
		switch t.k {
		case tSpace:
			continue
		case tPunct:
			if t.r == '.' && !(d.word(k-1) != nil && len(d.word(k-1).low) <= 3) || strings.ContainsRune(";!?:\"“”", t.r) {
				return d.officialAfter(e) // the sentence ends; "KT." does not end one
			}
			continue
		case tWord:
			words++
			if d.longest(k, officialTitles) > k {
				return !d.company(k, s)
			}
			// "Hiệu trưởng Trường Tiểu học Kim Đồng, bà Phan Ngọc Thanh Tuyền": the honorific
			// of an apposition does not end the walk.
			apposition := k == s-2 && honorifics.has(t) && d.sp(k-1) && d.punct(k-2, ",")
			if officialStop.has(t) && !apposition && !(t.low == "bác" && d.word(k+2) != nil && d.t[k+2].low == "sĩ") {
				return d.officialAfter(e)
			}
		default:
			return d.officialAfter(e)
		}
	}
	return d.officialAfter(e)
}

// officialAfter reports whether a title follows the name ending at token e, behind a comma,
// a dash or a bracket, or in the next cell of a table's row.
func (d *doc) officialAfter(e int) bool {
	j := e
	for j < len(d.t) && (d.sp(j) || d.t[j].k == tSpace && d.t[j].nl == 1 || d.punct(j, ",-–(|")) {
		j++
	}
	if j == e {
		return false
	}
	if w := d.word(j); w != nil && (w.low == "phó" || w.low == "nguyên") && d.sp(j+1) {
		j += 2
	}
	t := d.longest(j, officialTitles)
	return t > j && !d.company(t, t+8)
}

// company reports whether a company is named in tokens [i, j), or in the sentence before i.
func (d *doc) company(i, j int) bool {
	for k := i; k < j && k < len(d.t); k++ {
		if d.longest(k, companyWords) > k {
			return true
		}
	}
	for k := i - 1; k >= 0; k-- {
		if d.punct(k, ".!?") || d.t[k].k == tSpace && d.t[k].nl > 1 {
			break
		}
		if d.longest(k, companyWords) > k {
			return true
		}
	}
	return false
}

var (
	// officialStop ends the walk back from a name to a title: a verb or a person's word
	// stands between them ("Giám đốc Sở đã làm việc với ông …").
	officialStop = newWordSet("đã", "đang", "sẽ", "là", "có", "được", "bị", "với", "cho",
		"mời", "gửi", "làm", "gặp", "tiếp", "trả", "lời", "đến", "từ", "theo", "khi", "nếu", "thì",
		"mà", "nhưng", "ông", "bà", "anh", "chị", "em", "cô", "chú", "cháu", "tôi", "chúng", "họ",
		"người", "gia", "đình", "của", "hỏi", "nộp", "đề", "nghị", "kiến", "phản", "ánh", "yêu", "cầu")
	companyWords = phrases("công ty", "doanh nghiệp", "tnhh", "cổ phần", "hợp tác xã", "htx",
		"dntn", "cửa hàng", "tập đoàn", "đại diện theo pháp luật", "hộ kinh doanh")
)

// keepOfficials drops from the findings of an agency's text what is public: the names of
// officials in their role, an office's landline (an area code 02x and 11 digits) and an
// office's address after its name ("Phòng Cảnh sát giao thông, số 5 đường Trần Phú").
func (d *doc) keepOfficials() {
	out := d.out[:0]
	for _, c := range d.out {
		s, e := d.tokenAt(c.Start), d.tokenAt(c.End-1)+1
		switch {
		case c.Kind == Name && d.official(s, e):
			continue
		case c.Kind == Phone && isLandline(d.s[c.Start:c.End]):
			continue
		case c.Kind == Address && d.officeBefore(s):
			continue
		}
		out = append(out, c)
	}
	d.out = out
}

// isLandline reports whether a phone number is a landline with its area code: 02x, 11 digits.
func isLandline(s string) bool {
	digits := make([]byte, 0, 12)
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits = append(digits, s[i])
		}
	}
	return len(digits) == 11 && digits[0] == '0' && digits[1] == '2'
}

// officeBefore reports whether an office is named just before token s, its address set off
// by a comma: "Phòng Cảnh sát giao thông, số 5 đường Trần Phú".
func (d *doc) officeBefore(s int) bool {
	k := s - 1
	for k >= 0 && (d.sp(k) || d.word(k) != nil && soKW.match(&d.t[k])) {
		k--
	}
	if !d.punct(k, ",") {
		return false
	}
	for words := 0; k >= 0 && words < 12; k-- {
		switch {
		case d.t[k].k == tSpace && d.t[k].nl == 0, d.punct(k, ",-–"):
		case d.t[k].k == tWord:
			words++
			if d.t[k].upper && officeWords.has(&d.t[k]) {
				return true
			}
			if honorifics.has(&d.t[k]) {
				return false // a person's address: "của bà Lê Thị X, số 45/2 …"
			}
		default:
			return false
		}
	}
	return false
}

var officeWords = newWordSet("phòng", "sở", "ubnd", "ủy", "uỷ", "công", "trung", "bộ", "chi",
	"cục", "ban", "văn", "bệnh", "trường", "kho", "đội", "trạm", "viện", "tòa", "toà", "bưu",
	"trụ", "hđnd", "thanh", "thuế", "hải")

// tokenAt returns the token holding byte offset off.
func (d *doc) tokenAt(off int) int {
	return sort.Search(len(d.t), func(i int) bool { return int(d.t[i].e) > off })
}
