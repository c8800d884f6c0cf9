package privacy

import (
	"strings"
	"unicode"
)

// Suspects returns what still looks like personal data in a text the masker has masked, for
// an editor to look at before publishing: the rules keep what they cannot tell from a place
// or a title, and these are the doubtful cases among them.
//   - An honorific before a capitalised word that was kept as a place ("chợ Bà Năm").
//   - Two or more capitalised given names without a family name, inside a sentence
//     ("gửi Thanh Hương", "Y Moan").
//   - A number of 9 to 13 digits that begins with 0 or 84, written in an odd way.
//   - An e-mail address's remains: an '@' beside a word, a provider's domain ("gmail.com").
func (m *Masker) Suspects(text string, a Author) []Match {
	d := &doc{s: text, t: tokenize(text), m: m, author: a}
	var out []Match
	add := func(i, j int, k Kind) {
		if i < j && j <= len(d.t) {
			out = append(out, Match{int(d.t[i].s), int(d.t[j-1].e), k})
		}
	}
	allowed := d.allowedTokens()
	for i := 0; i < len(d.t); i++ {
		t := &d.t[i]
		switch t.k {
		case tWord:
			switch {
			case honorifics.has(t) && d.sp(i+1):
				if s, e, n := d.nameAt(i + 2); n > 0 && !allowed[s] && !d.honPlace(i, s, e) {
					add(s, e, Name)
					i = e
				}
			case givenNames.has(t) && t.upper && !allowed[i] && d.midSentence(i):
				e := i + 1
				for e+1 < len(d.t) && d.sp(e) && d.word(e+1) != nil && d.word(e+1).upper && givenNames.has(d.word(e+1)) {
					e += 2
				}
				if e > i+1 && !d.institution(i) && !placeContext.has(d.prevWord(i)) {
					add(i, e, Name)
					i = e
				}
			case d.highlandName(i):
				add(i, i+3, Name) // "Y Moan", "H Hen"
				i += 2
			case emailWords.has(t) && d.punct(i+1, ".") && d.word(i+2) != nil && topDomains.has(&d.t[i+2]):
				add(i, i+3, Email) // "… gmail.com" whose local part the rules missed
			}
		case tNum:
			if e, n := d.digitRun(i); n >= 9 && n <= 13 && (t.low[0] == '0' || strings.HasPrefix(t.low, "84")) {
				add(i, e, Phone)
				i = e
			}
		case tPunct:
			if (t.r == '@' || t.r == '＠') && (d.alnum(i-1) || d.alnum(i+1)) {
				add(i, i+1, Email)
			}
		}
	}
	return out
}

var (
	honorifics = newWordSet("ông", "bà", "anh", "chị", "cô", "chú", "bác", "=cụ", "=cậu", "=dì",
		"=mợ", "=thím", "=dượng")
	// givenNames are common given names, the nicknames of the south among them.
	givenNames = newWordSet("an", "anh", "bảo", "bích", "bình", "cường", "chi", "dũng", "dung",
		"duy", "đạt", "đức", "hải", "hạnh", "hằng", "hiền", "hiếu", "hoa", "hồng", "huệ", "hùng",
		"hưng", "hương", "huy", "huyền", "khánh", "khoa", "lan", "linh", "loan", "mai", "minh",
		"my", "nga", "ngân", "ngọc", "nhung", "nhi", "oanh", "phát", "phúc", "phương", "quân",
		"quỳnh", "tâm", "thảo", "thanh", "thắng", "thành", "thu", "thủy", "thúy", "tiến", "toàn",
		"trang", "trinh", "tú", "tuấn", "tùng", "uyên", "vân", "vy", "yến", "tư", "sáu", "bảy",
		"tám", "chín", "mười", "út", "lực", "lộc", "tài", "hậu", "nhân", "nghĩa", "trí", "dương",
		"thư", "hân", "diệu", "kiều", "liên", "lệ", "mến", "nhàn", "thơm", "xuân", "hoàng", "khang",
		"khải", "khôi", "kiệt", "lâm", "luân", "mạnh", "nghĩa", "nguyên", "nhật", "phong", "quang",
		"sang", "sơn", "tài", "tân", "thịnh", "thuận", "trọng", "trung", "tuyết", "vinh", "vũ",
		"bằng", "cảnh", "công", "danh", "điệp", "đông", "giang", "hiệp", "hòa", "hội", "kha",
		"lợi", "na", "nhung", "phượng", "quyên", "sương", "thắm", "thoa", "tiên", "trâm", "tuyền",
		"vân", "việt", "xuyến", "ánh", "ngọc", "châu", "diễm", "hường", "lài", "mỹ", "nhi", "quế")
	// placeContext: before these words capitalised names are places ("sống ở Long Xuyên").
	placeContext = newWordSet("ở", "tại", "về", "đến", "từ", "qua", "thuộc", "vùng", "miền")
	emailWords   = newWordSet("gmail", "yahoo", "hotmail", "outlook", "icloud")
)

// honPlace reports whether an honorific at i and the name [s, e) after it are a place the
// rules know, or follow a word that makes them one.
func (d *doc) honPlace(i, s, e int) bool {
	key := d.t[i].fold
	for k := s; k < e; k++ {
		if d.t[k].k == tWord {
			key += " " + d.t[k].fold
		}
	}
	return honPlaces[key] || placeBefore.has(d.prevWord(i)) && !d.t[i].upper
}

// midSentence reports whether word i stands inside a sentence: after a word in lower case.
func (d *doc) midSentence(i int) bool {
	p := d.prevWord(i)
	return p.k == tWord && !p.upper && !unicode.IsDigit(rune(d.s[p.s]))
}

// digitRun returns the end of the digit groups from token i, one space, dot or dash between
// them, and their number of digits; a run of thousands joined by dots is money, not counted.
func (d *doc) digitRun(i int) (e, n int) {
	if d.punct(i-1, "/.,") || d.alnum(i-1) {
		return i + 1, 0
	}
	e, n = i+1, len(d.t[i].low)
	dotsOnly := true
	for j := i + 1; j+1 < len(d.t); j += 2 {
		sep := d.sp(j) && d.t[j].e-d.t[j].s == 1 || d.punct(j, ".-")
		if !sep || !d.num(j+1) {
			break
		}
		dotsOnly = dotsOnly && d.punct(j, ".") && len(d.t[j+1].low) == 3
		n += len(d.t[j+1].low)
		e = j + 2
	}
	if e > i+1 && dotsOnly || d.punct(e, "/") || d.word(e) != nil {
		return e, 0
	}
	return e, n
}

// LooksPersonal reports whether an ID, which is part of a page's address, holds what looks
// like a person's name or number: "nguyen-van-an", "0912345678", "an-gmail".
func (m *Masker) LooksPersonal(id string) bool {
	words := strings.FieldsFunc(id, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	run := "" // the digits of a run of numbers that begins with 0: "0912-345-678"
	for i, w := range words {
		switch {
		case strongASCII[w] && i+1 < len(words) && !unicode.IsDigit(rune(words[i+1][0])):
			return true
		case emailWords.fold[w]:
			return true
		case !unicode.IsDigit(rune(w[0])):
			run = ""
		case len(w) >= 9:
			return true
		case run != "" || w[0] == '0':
			run += w
		}
		if len(run) >= 9 {
			return true
		}
	}
	return false
}
