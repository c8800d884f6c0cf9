package privacy

import "congkhai/generator/fold"

var (
	// titleStop: a capitalised word after an honorific that begins a title, an agency, a
	// document or a place, not a name ("Ông Chủ tịch", "Bà Giám đốc", "công dân Việt Nam").
	titleStop = newWordSet(
		"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "=cụ", "=cháu", "=cậu", "=dì", "=mợ",
		"=thím", "=dượng", "=thầy",
		"=chủ", "giám", "=trưởng", "=tổng", "=bộ", "=sở", "=ủy", "=uỷ", "ubnd", "hđnd", "ub",
		"ubmttq", "mttq", "=phòng", "=ban", "=cục", "tòa", "toà", "=viện", "=đảng", "=cán", "kiểm",
		"=thẩm", "luật", "=tổ", "giấy", "đơn", "=điều", "=khoản", "=điểm",
		"mục", "=phần", "=phụ", "ngày", "=tháng", "=tỉnh", "=huyện", "=xã", "=phường", "=quận", "=thị",
		"người", "=con", "các", "=những", "=nhà", "=giáo", "=kho", "=đội", "=cơ", "bệnh", "=vụ",
		"=bí", "=hiệu", "=thủ", "=thứ", "=kế", "=chỉ", "=báo", "=biên", "=tờ", "tp", "tx",
		"=đồng", "=lãnh", "chuyên", "liệt", "=quỹ", "=ấp", "khóm", "=thôn", "=xóm", "=đường",
		"=phố", "hẻm", "=ngõ", "=số", "=lực", "=dân", "=đài", "=báo", "=tạp", "=cổng", "=trang",
		"website", "email", "zalo", "facebook", "cccd", "cmnd", "sđt")
	// pairStop: two words that make a title or an agency, never a name; the second word may be
	// in any case ("Ông Thanh tra", "ông Thanh Tra"), but must match with its diacritics.
	pairStop = newPairSet(
		"chủ tịch", "chủ nhiệm", "chủ đầu", "chủ hộ", "chủ doanh", "chủ cơ", "phó chủ", "phó giám",
		"phó trưởng", "phó bí", "phó tổng", "phó thủ", "phó chánh", "phó hiệu", "phó viện",
		"phó ban", "phó chỉ", "phó chánh", "phó đội", "bí thư", "thư ký", "thứ trưởng",
		"thủ trưởng", "thủ tướng", "hiệu trưởng", "chánh văn", "chánh thanh", "chánh án",
		"thanh tra", "thanh niên", "văn phòng", "văn bản", "văn thư", "văn hóa", "văn hoá",
		"công an", "công văn", "công ty", "công chức", "công dân", "công đoàn", "công trình",
		"đại biểu", "đại diện", "đại tá", "đại úy", "đại uý", "đại học", "trung tâm", "trung ương",
		"trung tá", "trung úy", "trung uý", "trung đoàn", "trung học", "chi cục", "chi nhánh",
		"chi bộ", "chi hội", "chi đoàn", "hội đồng", "hội liên", "hội nông", "hội cựu", "hội phụ",
		"hội chữ", "hội người", "hội luật", "mặt trận", "kế hoạch", "kế toán", "chỉ thị", "báo cáo",
		"biên bản", "hồ sơ", "ngân hàng", "cảnh sát", "chiến sĩ", "sinh viên", "học sinh",
		"học viên", "đoàn thanh", "đoàn kiểm", "đoàn công", "đoàn giám", "đoàn đại", "đoàn liên",
		"đoàn thanh", "thành phố", "thành viên", "thị xã", "thị trấn", "việt nam", "hoa kỳ",
		"trung quốc", "hàn quốc", "nhật bản", "bác sĩ", "nhân viên", "nhân dân", "chuyên viên",
		"cán bộ", "lãnh đạo", "quân đội", "bộ đội", "doanh nghiệp", "hợp tác", "kinh doanh",
		"đồng chí", "y tá", "y sĩ", "y tế", "thương binh", "bảo vệ", "trường mầm", "trường tiểu",
		"trường trung", "trường đại", "trường thcs", "trường thpt", "trường cao", "điện lực",
		"cấp nước", "tài nguyên", "xây dựng", "giao thông", "nội vụ", "tư pháp", "tài chính",
		"an ninh", "quân sự", "dân quân", "kiểm lâm", "hải quan", "bưu điện", "nông dân",
		"phụ nữ", "cựu chiến", "giáo viên", "giáo sư", "tiến sĩ", "thạc sĩ", "luật sư", "kỹ sư",
		"kiến trúc", "nhà nước", "việt kiều", "thái độ", "cao tốc", "cao đẳng", "cao su",
		"mai táng", "kim loại", "kim ngạch", "tiền lương", "tiền mặt", "lâm nghiệp", "đào tạo",
		"đoàn kết", "đồng ý", "đồng thời", "lý do", "lý lịch", "quan hệ", "quan tâm", "hội nghị", "hội thảo", "quyết định", "nghị định", "nghị quyết", "chương trình")
	// truncStop ends a name that runs into a title, an agency or another honorific.
	truncStop = newWordSet("ubnd", "hđnd", "ubmttq", "mttq", "=sở", "=ủy", "=uỷ", "giám",
		"=trưởng", "=tỉnh", "=huyện", "=xã", "=phường", "=quận", "=bộ", "=phòng", "=cục", "ông", "bà",
		"chị", "chú", "bác", "=cụ", "=cháu", "=dì", "=mợ", "=thím", "=dượng", "=thầy", "tp", "tx",
		"=ấp", "khóm", "=đường", "=phố", "cccd", "cmnd", "sđt", "đt", "=sinh", "=số")
	// placeBefore: after these words an honorific begins the name of a place
	// ("tỉnh Bà Rịa", "Miếu Bà Chúa Xứ", "đường Bà Triệu", "tiếng Anh").
	placeBefore = newWordSet("tỉnh", "huyện", "=xã", "phường", "quận", "=trấn", "=phố", "đường",
		"=cầu", "=chợ", "=chùa", "=miếu", "=miễu", "=đình", "=lăng", "=đền", "=núi", "=sông",
		"=rạch", "kênh", "=kinh", "=ấp", "khóm", "=thôn", "=xóm", "hẻm", "=ngõ", "=vàm", "=cồn",
		"=bến", "=vía", "=giồng", "=láng", "=bàu", "=thờ", "=tượng", "tiếng", "=nước", "=đạo",
		"=lễ", "=hội", "=động", "=đảo", "=hòn", "=mũi", "=đèo", "=suối", "=thác", "=bãi", "=gò")
	// honPlaces are places whose name begins with an honorific, as honorific and name folded.
	honPlaces = map[string]bool{
		"ba ria": true, "ba chieu": true, "ba diem": true, "ba den": true, "ba chua xu": true,
		"ong lanh": true, "ong doc": true, "bac ho": true, "co to": true, "ong tao": true,
		"ba chuc": true, "ba the": true, "ba tri": true, "ba vi": true, "ba dinh": true,
		"ba to": true, "ba hom": true, "ba queo": true, "ba thien hau": true, "ba chua": true,
		"ba ria vung tau": true, "ong ich khiem": true, "ba huyen thanh quan": true,
	}
)

// scanNames finds names after honorifics and introductions.
func (d *doc) scanNames() {
	for i := range d.t {
		if d.t[i].k == tWord {
			nameRules.fire(d, i)
		}
	}
}

// nameHonorific fires at an honorific: "ông Nguyễn Văn An", "Ông (Bà) Trần Thị Bé".
func nameHonorific(d *doc, i, j int) {
	// A place's name is capitalised ("chợ Bà Chiểu", "đường Bà Triệu"); a person after an
	// ordinary word is not ("yêu cầu bà Lan", "gia đình ông Tư", "chợ bà Năm").
	p := d.prevWord(i)
	if (placeBefore.has(p) || p.loose && placeFolds[p.fold]) && d.t[i].upper || d.allowedTokens()[i] {
		return
	}
	// Inside a proper name an honorific is a word of it: "chung cư Hoàng Anh Thanh Bình".
	if d.t[i].upper && p.k == tWord && p.upper && !allUpper(d.s[d.t[i].s:d.t[i].e]) {
		return
	}
	if d.punct(j, ")") {
		j++
	}
	if !d.sp(j) || d.t[j].e-d.t[j].s > 3 {
		return
	}
	s, e, n := d.nameAt(j + 1)
	if n == 0 {
		// In a text without diacritics or capitals: "ong tran quoc khanh", "ong binh".
		if w := d.word(j + 1); w != nil && w.loose && !w.upper {
			switch {
			case strongASCII[w.fold]:
				if e, n := d.lowerGiven(j+2, 1, 4); n >= 3 {
					d.addTok(j+1, e, Name, 1)
				}
			case givenNames.has(w) && !notGiven.has(w) && !honorifics.has(w):
				d.addTok(j+1, j+2, Name, 1)
			}
		}
		return
	}
	if n <= 3 {
		key := d.t[i].fold
		for k := s; k < e; k++ {
			if d.t[k].k == tWord {
				key += " " + d.t[k].fold
			}
		}
		if honPlaces[key] {
			return
		}
	}
	d.addName(s, e)
}

// placeFolds are the words of placeBefore without diacritics, for texts written without them.
var placeFolds = func() map[string]bool {
	m := map[string]bool{}
	for low := range placeBefore.low {
		m[fold.String(low)] = true
	}
	return m
}()

// addName adds the name [s, e) and a second name joined by "và": "ông bà Nguyễn Văn A và
// Trần Thị B".
func (d *doc) addName(s, e int) {
	d.addTok(s, e, Name, 1)
	if d.sp(e) && d.word(e+1) != nil && andKW.match(&d.t[e+1]) && d.sp(e+2) {
		if s2, e2, n := d.nameAt(e + 3); n >= 2 {
			d.addTok(s2, e2, Name, 1)
		}
	}
}

var andKW = newKW("và", true)

// nameHousehold fires at "hộ" (a household: "hộ Nguyễn Văn A"), but not where it ends
// another word: "rừng phòng hộ Lâm Viên", "cứu hộ", "bảo hộ".
func nameHousehold(d *doc, i, j int) {
	if !householdNot.has(d.prevWord(i)) {
		d.introduced(j, false)
	}
}

var householdNot = newWordSet("phòng", "bảo", "cứu", "giám", "ủng", "căn", "trợ", "hộ", "cấp")

// nameIntro fires at an introduction: "tôi tên là …", "họ và tên: …", "người phản ánh: …".
func nameIntro(d *doc, _, j int) { d.introduced(j, false) }

// nameApposition fires at "tôi" before a name between commas: "Tôi, Nguyễn Văn Tý, xin …".
func nameApposition(d *doc, _, j int) {
	if !d.punct(j, ",") || !d.sp(j+1) {
		return
	}
	if s, e, n := d.nameAt(j + 2); n >= 2 && d.punct(e, ",") {
		d.addTok(s, e, Name, 1)
	}
}

// nameTen fires at "tên": before a colon, or before a capitalised name ("một phụ nữ tên
// Xuân", "Tên: …"), a name follows.
func nameTen(d *doc, _, j int) {
	if d.sp(j) {
		if s, e, n := d.nameAt(j + 1); n > 0 {
			d.addName(s, e)
			return
		}
	}
	d.introduced(j, true)
}

// nameColon fires at "liên hệ", which introduces a name only before a colon: "Liên hệ: …".
func nameColon(d *doc, _, j int) { d.introduced(j, true) }

func (d *doc) introduced(j int, needColon bool) {
	colon := false
	for n := 0; n < 5 && j < len(d.t); n++ {
		t := &d.t[j]
		switch {
		case t.k == tSpace && t.nl <= 1:
		case d.punct(j, ":"):
			colon = true
		case d.punct(j, "-–"):
		case t.k == tWord && (t.low == "là" || (t.loose && t.low == "la")):
		default:
			n = 5
			continue
		}
		j++
	}
	if needColon && !colon {
		return
	}
	if s, e, n := d.nameAt(j); n > 0 {
		d.addName(s, e)
	} else if w := d.word(j); w != nil && !w.upper && (d.lowerSurname(w) || w.loose && surnameFolds[w.fold]) {
		// Introduced, a family name begins a name in lower case too: "tên là phạm minh quân".
		if e, n := d.lowerGiven(j+1, 1, 4); n >= 2 {
			d.addTok(j, e, Name, 1)
		}
	}
}

// nameGiven fires at "em tên", "e ten", "mình tên": given names follow, in lower case too
// ("e ten ngoc trang").
func nameGiven(d *doc, _, j int) {
	for d.sp(j) || d.punct(j, ":") || d.word(j) != nil && (d.t[j].low == "là" || d.t[j].loose && d.t[j].low == "la") {
		j++
	}
	if s, e, n := d.nameAt(j); n > 0 {
		d.addName(s, e)
		return
	}
	if w := d.word(j); w != nil && !w.upper && !notGiven.has(w) && !titleStop.has(w) {
		e, _ := d.lowerGiven(j+1, 1, 4)
		d.addTok(j, e, Name, 1)
	}
}

// nameAt parses a name at token j, after emphasis markers: one to five capitalised words one
// space apart, not a title or an agency. It returns its tokens [s, e) and its number of words.
func (d *doc) nameAt(j int) (s, e, n int) {
	for k := 0; k < 3 && d.punct(j, "*_"); k++ {
		j++
	}
	first := d.word(j)
	if first == nil || !first.upper || titleStop.has(first) ||
		(d.sp(j+1) && pairStop.has(first, d.word(j+2))) {
		return 0, 0, 0
	}
	k, e := j, j
	for n < 5 {
		w := d.word(k)
		if w == nil || !w.upper || d.numish(k+1) {
			break
		}
		if n > 0 && (truncStop.has(w) || (d.sp(k+1) && pairStop.has(w, d.word(k+2)))) {
			break
		}
		n++
		e = k + 1
		if !d.sp(k+1) || d.t[k+1].e-d.t[k+1].s > 2 {
			break
		}
		k += 2
	}
	return j, e, n
}
