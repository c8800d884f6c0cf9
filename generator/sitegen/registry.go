package sitegen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"congkhai/generator/fold"
	"congkhai/generator/schedule"
	"congkhai/generator/tomltext"
)

// province is one generated authority (a province or a centrally run city) and its registry.
type province struct {
	ID, Name, Code string
	City           bool
	Agencies       []*agency // in file order
	byID           map[string]*agency
	Wards          []*agency // current communes, wards and special zones
	Units          []*agency // the units the 766 index scores monthly: UBND, departments, communes
}

// Title is how the plans name the authority: "tỉnh An Giang", "thành phố Huế".
func (p *province) Title() string {
	if p.City {
		return "thành phố " + p.Name
	}
	return "tỉnh " + p.Name
}

// word is "tỉnh" or "thành phố", as short names use it ("UBND tỉnh").
func (p *province) word() string {
	if p.City {
		return "thành phố"
	}
	return "tỉnh"
}

// agency is one [[agency]] of a registry, or the minimum petitions need of one read back.
type agency struct {
	Authority            string // the registry (file name) it belongs to
	ID, Name, Code       string
	ShortNames, Aliases  []string
	Group                bool
	Level, Parent        string
	Successor            string
	SuccessorDate        schedule.Date
	SuccessorNote, Descr string
}

// Ref is the agency's ID from anywhere: "an-giang/so-tu-phap".
func (a *agency) Ref() string { return a.Authority + "/" + a.ID }

// ShortName is the name tables show.
func (a *agency) ShortName() string {
	if len(a.ShortNames) > 0 {
		return a.ShortNames[0]
	}
	return a.Name
}

// current reports whether the agency still exists: no successor.
func (a *agency) current() bool { return a.Successor == "" }

// provinces are the 34 provinces and cities of 2026 with their unit codes on the national
// portal (content/agencies/ca-nuoc.toml and an-giang.toml); generated sites take the first
// ones in this order, An Giang first as in the example.
var provinces = []struct {
	id, name, code string
	city           bool
}{
	{"an-giang", "An Giang", "H01", false}, {"vinh-long", "Vĩnh Long", "H61", false},
	{"ha-noi", "Hà Nội", "H26", true}, {"tp-ho-chi-minh", "Hồ Chí Minh", "H29", true},
	{"hue", "Huế", "H57", true}, {"quang-tri", "Quảng Trị", "H50", false},
	{"can-tho", "Cần Thơ", "H13", true}, {"dong-thap", "Đồng Tháp", "H20", false},
	{"ca-mau", "Cà Mau", "H12", false}, {"tay-ninh", "Tây Ninh", "H53", false},
	{"da-nang", "Đà Nẵng", "H17", true}, {"hai-phong", "Hải Phòng", "H24", true},
	{"bac-ninh", "Bắc Ninh", "H05", false}, {"cao-bang", "Cao Bằng", "H14", false},
	{"dak-lak", "Đắk Lắk", "H15", false}, {"dien-bien", "Điện Biên", "H18", false},
	{"dong-nai", "Đồng Nai", "H19", false}, {"gia-lai", "Gia Lai", "H21", false},
	{"ha-tinh", "Hà Tĩnh", "H27", false}, {"hung-yen", "Hưng Yên", "H31", false},
	{"khanh-hoa", "Khánh Hòa", "H32", false}, {"lai-chau", "Lai Châu", "H35", false},
	{"lam-dong", "Lâm Đồng", "H36", false}, {"lang-son", "Lạng Sơn", "H37", false},
	{"lao-cai", "Lào Cai", "H38", false}, {"nghe-an", "Nghệ An", "H41", false},
	{"ninh-binh", "Ninh Bình", "H42", false}, {"phu-tho", "Phú Thọ", "H44", false},
	{"quang-ngai", "Quảng Ngãi", "H48", false}, {"quang-ninh", "Quảng Ninh", "H49", false},
	{"son-la", "Sơn La", "H52", false}, {"thai-nguyen", "Thái Nguyên", "H55", false},
	{"thanh-hoa", "Thanh Hóa", "H56", false}, {"tuyen-quang", "Tuyên Quang", "H60", false},
}

// MaxAuthorities is the number of provinces a generated site can have.
var MaxAuthorities = len(provinces)

// departments are the provincial departments after the 2025 reorganisation (Nghị định
// 45/2025/NĐ-CP), by ID and the name after "Sở ". Every province has them, with the same
// IDs, so that a procedure's agency can be any province's.
var departments = []struct{ id, name string }{
	{"so-noi-vu", "Nội vụ"}, {"so-tu-phap", "Tư pháp"}, {"so-tai-chinh", "Tài chính"},
	{"so-cong-thuong", "Công Thương"}, {"so-nn-mt", "Nông nghiệp và Môi trường"},
	{"so-xay-dung", "Xây dựng"}, {"so-y-te", "Y tế"}, {"so-gddt", "Giáo dục và Đào tạo"},
	{"so-vhttdl", "Văn hóa, Thể thao và Du lịch"}, {"so-khcn", "Khoa học và Công nghệ"},
	{"so-dan-toc-ton-giao", "Dân tộc và Tôn giáo"},
}

// merged are the departments that ended in the 2025 reorganisation, and what they became.
var merged = []struct{ id, name, successor string }{
	{"so-ke-hoach-dau-tu", "Kế hoạch và Đầu tư", "so-tai-chinh"},
	{"so-tttt", "Thông tin và Truyền thông", "so-khcn"},
	{"so-ldtbxh", "Lao động - Thương binh và Xã hội", "so-noi-vu"},
	{"so-gtvt", "Giao thông vận tải", "so-xay-dung"},
	{"so-nnptnt", "Nông nghiệp và Phát triển nông thôn", "so-nn-mt"},
	{"so-tnmt", "Tài nguyên và Môi trường", "so-nn-mt"},
}

// Commune names are two syllables of these lists, as most in the south and centre are.
var (
	communeFirst  = []string{"Tân", "Long", "Phú", "Bình", "Mỹ", "Hòa", "An", "Thạnh", "Vĩnh", "Phước", "Thới", "Hiệp", "Định", "Nhơn", "Khánh", "Hưng", "Thuận", "Lộc", "Đông", "Tây", "Tam", "Cát", "Hội", "Quảng", "Thanh", "Trung", "Đức", "Xuân", "Minh", "Ninh"}
	communeSecond = []string{"An", "Hòa", "Hưng", "Lợi", "Thành", "Phú", "Thuận", "Điền", "Lộc", "Thạnh", "Bình", "Tiến", "Phong", "Hiệp", "Mỹ", "Đông", "Tây", "Hải", "Sơn", "Lâm", "Quới", "Khánh", "Nghĩa", "Thới", "Trung", "Xuyên", "Châu", "Phước"}
)

var (
	reorgDate = schedule.D(2025, 7, 1) // two levels of local government (Nghị quyết 202/2025/QH15)
	mergeDate = schedule.D(2025, 3, 1) // departments merged (Nghị định 45/2025/NĐ-CP)
)

// newProvince makes the registry of the i-th province with about wards communes.
func newProvince(i, wards int, rng *rand.Rand) *province {
	src := provinces[i]
	p := &province{ID: src.id, Name: src.name, Code: src.code, City: src.city, byID: map[string]*agency{}}
	T, w := p.Title(), p.word()
	add := func(a *agency) *agency {
		a.Authority = p.ID
		p.Agencies = append(p.Agencies, a)
		p.byID[a.ID] = a
		return a
	}
	ubnd := add(&agency{ID: "ubnd-tinh", Name: "Ủy ban nhân dân " + T, Code: p.Code, ShortNames: []string{"UBND " + w},
		Aliases: []string{"Ủy ban nhân dân " + w, "Ủy ban nhân dân cấp tỉnh"}, Level: "tinh"})
	p.Units = append(p.Units, ubnd)
	add(&agency{ID: "chu-tich-ubnd-tinh", Name: "Chủ tịch Ủy ban nhân dân " + T, ShortNames: []string{"Chủ tịch UBND " + w},
		Aliases: []string{"Chủ tịch Ủy ban nhân dân " + w, "Chủ tịch Ủy ban nhân dân cấp tỉnh"}, Level: "tinh", Parent: "ubnd-tinh"})
	add(&agency{ID: "vp-ubnd", Name: "Văn phòng Ủy ban nhân dân " + T, ShortNames: []string{"Văn phòng UBND " + w},
		Aliases: []string{"Văn phòng Ủy ban nhân dân " + w, "VP UBND " + w}, Level: "tinh", Parent: "ubnd-tinh",
		Descr: "Cơ quan đầu mối kiểm soát thủ tục hành chính của " + w + "."})
	add(&agency{ID: "trung-tam-pvhcc", Name: "Trung tâm Phục vụ hành chính công " + T, ShortNames: []string{"Trung tâm PVHCC " + w},
		Aliases: []string{"Trung tâm phục vụ hành chính công " + w, "Trung tâm phục vụ hành chính công"}, Level: "tinh", Parent: "vp-ubnd"})
	for _, d := range departments {
		a := add(&agency{ID: d.id, Name: "Sở " + d.name + " " + T, ShortNames: []string{"Sở " + d.name}, Level: "tinh", Parent: "ubnd-tinh"})
		p.Units = append(p.Units, a)
	}
	for _, o := range []struct{ id, name, short string }{
		{"thanh-tra-tinh", "Thanh tra " + T, "Thanh tra " + w},
		{"cong-an-tinh", "Công an " + T, "Công an " + w},
		{"bhxh-tinh", "Bảo hiểm xã hội " + T, "BHXH " + w},
		{"cong-ttdt", "Cổng Thông tin điện tử " + T, "Cổng TTĐT " + w},
		{"bao-tinh", "Báo " + p.Name, "Báo " + p.Name},
		{"dai-ptth", "Đài Phát thanh và Truyền hình " + p.Name, "Đài PT-TH " + p.Name},
	} {
		a := add(&agency{ID: o.id, Name: o.name, ShortNames: []string{o.short}, Level: "tinh"})
		switch o.id {
		case "cong-an-tinh":
			a.Aliases = []string{"Công an cấp tỉnh"}
			p.Units = append(p.Units, a)
		case "thanh-tra-tinh":
			p.Units = append(p.Units, a)
		default:
			a.Parent = "ubnd-tinh"
		}
	}
	for _, m := range merged {
		succ := p.byID[m.successor]
		add(&agency{ID: m.id, Name: "Sở " + m.name + " " + T, ShortNames: []string{"Sở " + m.name}, Level: "tinh", Parent: "ubnd-tinh",
			Successor: m.successor, SuccessorDate: mergeDate,
			SuccessorNote: "Hợp nhất Sở " + m.name + " vào " + succ.ShortName() + " (Nghị định 45/2025/NĐ-CP)."})
	}
	add(&agency{ID: "van-phong-chinh-phu", Name: "Văn phòng Chính phủ", ShortNames: []string{"Văn phòng Chính phủ"}, Aliases: []string{"VPCP"}, Level: "trung-uong"})
	add(&agency{ID: "bo-cong-an", Name: "Bộ Công an", ShortNames: []string{"Bộ Công an"}, Level: "trung-uong"})
	for _, g := range []agency{
		{ID: "cac-so-ban-nganh", Name: "Các sở, ban, ngành " + T, ShortNames: []string{"Sở, ban, ngành " + w},
			Aliases: []string{"Các sở, ban, ngành " + w, "Sở, ban, ngành", "Sở, ngành"}, Level: "tinh"},
		{ID: "so-chu-tri-soan-thao", Name: "Các sở, ban, ngành " + T + " được giao chủ trì soạn thảo", ShortNames: []string{"Sở, ngành chủ trì soạn thảo"}, Level: "tinh"},
		{ID: "ubnd-cap-huyen", Name: "Ủy ban nhân dân các huyện, thị xã, thành phố thuộc " + T, ShortNames: []string{"UBND cấp huyện"},
			Aliases: []string{"Ủy ban nhân dân cấp huyện", "UBND huyện, thị xã, thành phố"}, Level: "huyen",
			Successor: "ubnd-cap-xa", SuccessorDate: reorgDate,
			SuccessorNote: "Cấp huyện kết thúc hoạt động từ ngày 01/7/2025: chính quyền địa phương còn hai cấp (Nghị quyết 202/2025/QH15)."},
		{ID: "vp-ubnd-cap-huyen", Name: "Văn phòng HĐND và UBND các huyện, thị xã, thành phố thuộc " + T, ShortNames: []string{"Văn phòng HĐND và UBND cấp huyện"},
			Level: "huyen", Parent: "ubnd-cap-huyen", Successor: "ubnd-cap-xa", SuccessorDate: reorgDate,
			SuccessorNote: "Cấp huyện kết thúc hoạt động từ ngày 01/7/2025."},
		{ID: "ubnd-cap-xa", Name: "Ủy ban nhân dân các xã, phường, đặc khu thuộc " + T, ShortNames: []string{"UBND cấp xã"},
			Aliases: []string{"Ủy ban nhân dân cấp xã", "UBND xã, phường, thị trấn"}, Level: "xa"},
		{ID: "ubnd-cac-cap", Name: "Ủy ban nhân dân các cấp " + T, ShortNames: []string{"UBND các cấp"}, Level: "tinh"},
		{ID: "dia-phuong", Name: "Các địa phương trên địa bàn " + T, ShortNames: []string{"địa phương"}, Level: "xa"},
		{ID: "co-quan-bao-chi", Name: "Các cơ quan báo chí trên địa bàn " + T, ShortNames: []string{"Cơ quan báo chí"}, Level: "tinh"},
		{ID: "co-quan-lien-quan", Name: "Các cơ quan, đơn vị có liên quan của " + T, ShortNames: []string{"Các cơ quan, đơn vị có liên quan"},
			Aliases: []string{"Cơ quan, đơn vị có liên quan"}, Level: "tinh"},
	} {
		g.Group = true
		g.Descr = "Nhóm cơ quan mà kế hoạch gọi chung là “" + g.ShortNames[0] + "”."
		add(&g)
	}
	// Communes: about three in ten are wards (phường), one province in four has a special zone.
	seen := map[string]bool{}
	for len(p.Wards) < wards {
		name := communeFirst[rng.IntN(len(communeFirst))] + " " + communeSecond[rng.IntN(len(communeSecond))]
		first, second, _ := strings.Cut(name, " ")
		if first == second || seen[fold.Slug(name)] { // "Thạnh Hải" and "Thanh Hải" have one ID
			continue
		}
		seen[fold.Slug(name)] = true
		kind, prefix := "xã", "x"
		switch r := rng.IntN(100); {
		case r < 30:
			kind, prefix = "phường", "p"
		case r == 99 && i%4 == 0:
			kind, prefix = "đặc khu", "dk"
		}
		full := kind + " " + name
		a := add(&agency{ID: "ubnd-" + prefix + "-" + fold.Slug(name), Name: "Ủy ban nhân dân " + full,
			ShortNames: []string{"UBND " + full}, Aliases: []string{"Ủy ban nhân dân " + full + ", " + T}, Level: "xa", Parent: "ubnd-cap-xa"})
		p.Wards = append(p.Wards, a)
		p.Units = append(p.Units, a)
	}
	return p
}

// registryFile writes agencies/<province>.toml.
func (p *province) registryFile() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Danh mục cơ quan SINH TỰ ĐỘNG (congkhai sitegen): tên sở theo Nghị định 45/2025/NĐ-CP, tên xã, phường là minh họa.\n\n")
	b.WriteString("[authority]\n")
	tomltext.String(&b, "name", upperFirst(p.Title()))
	if p.City {
		b.WriteString("level = \"thanh-pho\"\n")
	} else {
		b.WriteString("level = \"tinh\"\n")
	}
	for _, a := range p.Agencies {
		b.WriteString("\n[[agency]]\n")
		tomltext.String(&b, "id", a.ID)
		tomltext.String(&b, "name", a.Name)
		tomltext.String(&b, "code", a.Code)
		tomltext.List(&b, "short_names", a.ShortNames)
		tomltext.List(&b, "aliases", a.Aliases)
		if a.Group {
			b.WriteString("kind = \"group\"\n")
		} else {
			b.WriteString("kind = \"agency\"\n")
		}
		tomltext.String(&b, "level", a.Level)
		tomltext.String(&b, "parent", a.Parent)
		if a.Successor != "" {
			tomltext.String(&b, "successor", a.Successor)
			fmt.Fprintf(&b, "successor_date = %s\n", a.SuccessorDate)
			tomltext.String(&b, "successor_note", a.SuccessorNote)
		}
		tomltext.String(&b, "description", a.Descr)
	}
	return b.Bytes()
}

// upperFirst and lowerFirst change the case of the first letter of s.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
