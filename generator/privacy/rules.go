package privacy

// A rule fires at a word that begins one of its phrases; fn gets the token of the first word
// and the token after the phrase.
type rule struct {
	seq []kw
	fn  func(d *doc, i, j int)
}

// ruleTable indexes rules by their first keyword: accented words look up by their lower-case
// form, words without diacritics by their folded form.
type ruleTable struct {
	rules []rule
	low   map[string][]int
	ascii map[string][]int
}

func (rt *ruleTable) add(fn func(d *doc, i, j int), phrases ...string) {
	if rt.low == nil {
		rt.low, rt.ascii = map[string][]int{}, map[string][]int{}
	}
	for _, p := range phrases {
		ks := phrase(p)
		n := len(rt.rules)
		rt.rules = append(rt.rules, rule{ks, fn})
		rt.low[ks[0].low] = append(rt.low[ks[0].low], n)
		if ks[0].ascii {
			rt.ascii[ks[0].fold] = append(rt.ascii[ks[0].fold], n)
		}
	}
}

// fire runs the rules that match at word i.
func (rt *ruleTable) fire(d *doc, i int) {
	t := &d.t[i]
	idx := rt.low[t.low]
	if t.loose {
		idx = rt.ascii[t.fold]
	}
	for _, n := range idx {
		if j := d.seq(i, rt.rules[n].seq); j >= 0 {
			rt.rules[n].fn(d, i, j)
		}
	}
}

var wordRules, nameRules ruleTable

func keyRule(vk valKind, k Kind) func(d *doc, i, j int) {
	return func(d *doc, i, j int) { d.keyValue(j, vk, k) }
}

func init() {
	wordRules.add(keyRule(vIdent, ID), "cccd", "ccnd", "cmnd", "cmtnd", "cmt", "căn cước",
		"chứng minh", "định danh", "giấy phép lái xe", "bằng lái", "gplx")
	wordRules.add(keyRule(vTax, ID), "mã số thuế", "mst", "mã thuế")
	wordRules.add(keyRule(vSocial, ID), "bảo hiểm xã hội", "bhxh", "bảo hiểm y tế", "bhyt")
	wordRules.add(keyRule(vPassport, ID), "hộ chiếu", "passport")
	wordRules.add(keyRule(vAccount, BankAccount), "tài khoản", "stk", "tk", "chuyển khoản",
		"chuyển tiền")
	wordRules.add(mailHandle, "email", "e-mail", "gmail", "mail", "yahoo", "thư điện tử", "hộp thư")
	wordRules.add(keyRule(vPhone, Phone), "điện thoại", "sđt", "đt", "dđ", "đtdđ", "di động",
		"zalo", "hotline", "tel", "phone", "mobile")
	wordRules.add(keyRule(vPlate, Plate), "biển số", "biển kiểm soát", "bks", "biển xe")

	wordRules.add(addrStart, "số nhà", "nhà số", "hẻm", "hẽm", "kiệt", "=ngõ", "ngách", "tổ", "=lô",
		"căn hộ", "=căn", "=phòng")
	wordRules.add(addrSo, "số")
	wordRules.add(addrContext, "địa chỉ", "trú", "ngụ", "nơi ở", "chỗ ở", "sinh sống", "sống ở",
		"sống tại", "tôi ở", "đc")
	wordRules.add(addrAbbrev, "đ")
	wordRules.add(keyRule(vCert, LandParcel), "quyền sử dụng đất", "quyền sở hữu nhà", "sổ đỏ",
		"sổ hồng", "gcn", "gcnqsdđ", "gcnqsdd", "gcnqsd")
	wordRules.add(parcelStart, "thửa", "tờ bản đồ", "lô đất")

	nameRules.add(nameHonorific, "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "=cụ",
		"=cháu", "=cậu", "=dì", "=mợ", "=thím", "=dượng", "=thầy", "=a", "=c", "=e") // a, c, e: anh, chị, em in chat
	nameRules.add(nameIntro, "tôi tên là", "tôi tên", "tên tôi là", "tên tôi", "tôi là",
		"em là", "e là", "tui là", "mình là", "con là", "cháu là", "xưng tên", "xưng là",
		"giới thiệu tên", "giới thiệu là", "có tên", "tên thật là", "thường gọi", "hay gọi", "tức",
		"gọi là", "vợ là", "chồng là", "vợ tôi là", "chồng tôi là", "mẹ tôi là", "bố tôi là",
		"cha tôi là", "con gái là", "con trai là", "gặp", "nhắn",
		"họ và tên", "họ tên", "người phản ánh", "người kiến nghị", "người gửi", "người khiếu nại",
		"người tố cáo", "người đề nghị", "người yêu cầu", "người làm đơn", "người viết đơn",
		"người đứng đơn", "người liên hệ", "người đại diện", "công dân", "chủ hộ",
		"tên là", "hộ kinh doanh", "tên gọi là")
	nameRules.add(nameHousehold, "=hộ")
	nameRules.add(nameApposition, "tôi")
	nameRules.add(nameColon, "liên hệ", "lien he")
	nameRules.add(nameTen, "tên")
	nameRules.add(nameGiven, "em tên", "e tên", "mình tên", "con tên", "cháu tên", "tui tên",
		"tôi tên")
}

// scanWords runs the keyword rules and finds house numbers followed by a street.
func (d *doc) scanWords() {
	for i := range d.t {
		switch d.t[i].k {
		case tWord:
			wordRules.fire(d, i)
			if e, ok := d.healthCard(i, false); ok && !d.alnum(i-1) {
				d.addTok(i, e, ID, 1)
			}
		case tNum:
			if e, ok := d.bankAfter(i); ok {
				d.addTok(i, e, BankAccount, 2)
			}
			if d.numStartOK(i) && !numBefore.has(d.prevWord(i)) && !d.punct(i-1, "/.") {
				// "ở 12 Lê Lợi", "45/7 Nguyễn Trãi": a bare street name may follow.
				mode := modeStart
				if atBefore.has(d.prevWord(i)) || d.houseNum(i) > i+1 {
					mode = modeCaps
				}
				if e := d.addrChain(i, mode); e > i {
					d.addTok(i, e, Address, 2)
				}
			}
		}
	}
}

// prevWord returns the word before token i, one space between, or a dummy token. A word
// already found (a name) is not returned: after masking it will be a placeholder.
func (d *doc) prevWord(i int) *token {
	if d.sp(i - 1) {
		if w := d.word(i - 2); w != nil && !d.covered(int(w.s)) {
			return w
		}
	}
	return &noToken
}

// noToken is the dummy token of prevWord; it matches nothing.
var noToken = token{k: tPunct}

// covered reports whether byte offset p lies in a finding so far.
func (d *doc) covered(p int) bool {
	for _, c := range d.out {
		if c.Start <= p && p < c.End {
			return true
		}
	}
	return false
}
