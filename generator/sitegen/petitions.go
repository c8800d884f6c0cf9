package sitegen

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"

	"congkhai/generator/schedule"
	"congkhai/generator/tomltext"
)

// petitionWorld is what petitions are made from: the provinces they are sent to, the
// procedures they are about, the calendar of working days.
type petitionWorld struct {
	provs []*petitionProvince
	procs []*procInfo // about the province's and the communes' procedures only
	byRef map[string]*agency
	cal   *schedule.Calendar
	asOf  schedule.Date
	days  []schedule.Date // working days petitions may be received on
}

// petitionProvince is a province with what petitions need of its registry.
type petitionProvince struct {
	id, place string // place: "tỉnh An Giang"
	wards     []*agency
}

// fieldAgencies sends a procedure whose registry agency is not known to the department of
// its field (lower-case words of the field's name); the first match wins.
var fieldAgencies = []struct{ words, agency string }{
	{"hộ tịch|chứng thực|tư pháp|luật sư|công chứng|quốc tịch|lý lịch|trợ giúp pháp lý|giám định|đấu giá|hòa giải|thừa phát lại|bồi thường nhà nước|nuôi con nuôi", "so-tu-phap"},
	{"cư trú|căn cước|xuất nhập cảnh|phòng cháy|an ninh|trật tự|con dấu|vũ khí", "cong-an-tinh"},
	{"đất đai|môi trường|tài nguyên|nông nghiệp|thủy sản|lâm nghiệp|trồng trọt|chăn nuôi|thú y|thủy lợi|bảo vệ thực vật|khí tượng|biển|đo đạc|địa chất|khoáng sản|nông thôn|phòng, chống thiên tai|kinh tế hợp tác", "so-nn-mt"},
	{"xây dựng|giao thông|nhà ở|quy hoạch|kiến trúc|đường bộ|đường thủy|đăng kiểm|hạ tầng|bất động sản", "so-xay-dung"},
	{"y tế|dược|khám bệnh|chữa bệnh|an toàn thực phẩm|dân số|trang thiết bị|mỹ phẩm|phòng bệnh|bảo trợ xã hội|trẻ em|phòng, chống tệ nạn", "so-y-te"},
	{"giáo dục|đào tạo|thi, tuyển sinh|văn bằng|giáo dục nghề nghiệp", "so-gddt"},
	{"văn hóa|thể dục|thể thao|du lịch|gia đình|di sản|mỹ thuật|nghệ thuật|biểu diễn|thư viện|điện ảnh|báo chí|xuất bản|quảng cáo|phát thanh|truyền hình", "so-vhttdl"},
	{"công thương|thương mại|điện|hóa chất|xăng dầu|khí|công nghiệp|an toàn đập|kinh doanh|xúc tiến|lưu thông|quản lý cạnh tranh|vật liệu nổ", "so-cong-thuong"},
	{"đầu tư|doanh nghiệp|tài chính|ngân sách|thuế|giá|tài sản công|hộ kinh doanh|hợp tác xã|đấu thầu|thống kê|kho bạc|hải quan|bảo hiểm", "so-tai-chinh"},
	{"nội vụ|lao động|việc làm|tiền lương|người có công|công chức|viên chức|thi đua|khen thưởng|văn thư|lưu trữ|tổ chức|chính quyền địa phương|thanh niên|an toàn, vệ sinh lao động|hội|quỹ", "so-noi-vu"},
	{"khoa học|công nghệ|thông tin|bưu chính|viễn thông|tần số|sở hữu trí tuệ|tiêu chuẩn|đo lường|chất lượng|năng lượng nguyên tử|chuyển đổi số|an toàn bức xạ", "so-khcn"},
	{"dân tộc|tôn giáo|tín ngưỡng", "so-dan-toc-ton-giao"},
	{"thanh tra|khiếu nại|tố cáo|tiếp công dân|phòng, chống tham nhũng", "thanh-tra-tinh"},
}

// fallbackAgency answers what no field names: the province's public service centre.
const fallbackAgency = "trung-tam-pvhcc"

// petitionAgencies are the agencies a province needs to receive petitions.
func petitionAgencies() []string {
	ids := []string{fallbackAgency}
	for _, fa := range fieldAgencies {
		ids = append(ids, fa.agency)
	}
	return ids
}

// newPetitionWorld keeps the procedures carried out in provinces and communes and lists the
// working days from `from` to the day before asOf.
func newPetitionWorld(provs []*petitionProvince, procs []*procInfo, byRef map[string]*agency, cal *schedule.Calendar, from, asOf schedule.Date) (*petitionWorld, error) {
	w := &petitionWorld{provs: provs, byRef: byRef, cal: cal, asOf: asOf}
	if len(provs) == 0 {
		return nil, fmt.Errorf("sitegen: không có tỉnh nào có đủ cơ quan nhận phản ánh (%s) và xã, phường", strings.Join(petitionAgencies(), ", "))
	}
	for _, p := range procs {
		if slices.ContainsFunc(p.Levels, func(l string) bool { return l == "tinh" || l == "huyen" || l == "xa" }) {
			w.procs = append(w.procs, p)
		}
	}
	if len(w.procs) == 0 {
		return nil, fmt.Errorf("sitegen: không có thủ tục cấp tỉnh, cấp xã nào")
	}
	for d := from; d.Before(asOf); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			w.days = append(w.days, d)
		}
	}
	if len(w.days) == 0 {
		return nil, fmt.Errorf("sitegen: không có ngày làm việc nào từ %s đến trước %s", from, asOf)
	}
	return w, nil
}

// petition is one generated petition, before it is given its number.
type petition struct {
	i        int
	received schedule.Date
	answered schedule.Date // zero while dang-xu-ly
	due      schedule.Date // the answer's deadline: answerDays working days after receipt
	status   string
	agencies []string
	data     []byte
}

var (
	familyNames  = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Châu", "Thạch", "Danh", "Lâm", "Tô"}
	middleNames  = []string{"Văn", "Thị", "Minh", "Thị Ngọc", "Hoàng", "Thanh", "Quốc", "Thị Kim", "Hữu", "Ngọc", "Đức", "Thị Thu"}
	givenNames   = []string{"Hùng", "Lan", "Phúc", "Hân", "Tâm", "Sang", "Trang", "Khoa", "Nhân", "Mai", "Dũng", "Vy", "Tài", "Hạnh", "Lộc", "Thảo", "Bảo", "Nga", "Kiệt", "Yến", "Sơn", "Linh"}
	firmNames    = []string{"Công ty TNHH Minh Phát", "Công ty cổ phần Phú Thịnh", "Hợp tác xã nông nghiệp Tân Tiến", "Công ty TNHH thương mại Kim Ngân", "Doanh nghiệp tư nhân Hưng Long", "Công ty TNHH Mekong Xanh", "Công ty cổ phần xây dựng Thành Đạt", "Hợp tác xã thủy sản Phước An"}
	streets      = []string{"Trần Hưng Đạo", "Nguyễn Trãi", "Lê Lợi", "Hùng Vương", "Tôn Đức Thắng", "Nguyễn Huệ", "Lý Thái Tổ", "Hai Bà Trưng", "Mạc Cửu", "Phạm Hồng Thái"}
	extraPapers  = []string{"giấy xác nhận thông tin về cư trú", "bản sao có chứng thực thẻ căn cước", "giấy xác nhận của tổ trưởng tổ dân phố", "bản sao sổ hộ khẩu", "giấy ủy quyền có công chứng dù tôi trực tiếp đi nộp", "bản sao có chứng thực giấy khai sinh"}
	portalFaults = []struct{ fault, cause string }{
		{"không tải được tệp đính kèm", "giới hạn dung lượng tệp đính kèm của biểu mẫu điện tử đặt thấp hơn quy định"},
		{"không thanh toán được lệ phí trực tuyến", "lỗi kết nối giữa Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh và nền tảng thanh toán trực tuyến"},
		{"không đồng bộ được thông tin từ Cơ sở dữ liệu quốc gia về dân cư", "gián đoạn kết nối với Cơ sở dữ liệu quốc gia về dân cư trong thời gian nâng cấp hệ thống"},
		{"không ký số được tờ khai", "chứng thư số của biểu mẫu chưa được cập nhật sau khi đổi tên cơ quan"},
	}
	refusals = []string{
		"đề nghị giải quyết nhanh một hồ sơ cụ thể đang còn trong thời hạn giải quyết",
		"khiếu nại một quyết định hành chính cụ thể",
		"tố cáo hành vi của cán bộ, công chức",
		"nội dung trùng với phản ánh đã được trả lời, không có thông tin, tài liệu mới",
	}
	closings = []string{
		"Cảm ơn Ông/Bà đã quan tâm, phản ánh để công tác giải quyết thủ tục hành chính ngày càng tốt hơn.",
		"Mọi vướng mắc tiếp theo, đề nghị Ông/Bà liên hệ Bộ phận Một cửa hoặc gửi qua Cổng Dịch vụ công để được hướng dẫn.",
		"Cơ quan xin lỗi Ông/Bà vì sự phiền hà đã gây ra.",
		"Nội dung trả lời này đã được đăng tải công khai trên Cổng Dịch vụ công của tỉnh.",
	}
	channelWeights = []struct {
		channel string
		weight  int
	}{{"cong-dich-vu-cong", 40}, {"truc-tiep", 20}, {"dien-thoai", 12}, {"thu-dien-tu", 10}, {"buu-chinh", 10}, {"hop-thu", 8}}
)

// petitionSubjects are the subjects, by the template number petition uses: 0-5 are
// phản ánh, 6-10 kiến nghị. %s is the procedure's name.
var petitionSubjects = []string{
	"Hồ sơ %s bị yêu cầu bổ sung nhiều lần",
	"Quá hạn trả kết quả %s",
	"Bị yêu cầu nộp giấy tờ ngoài thành phần hồ sơ khi làm thủ tục %s",
	"Không nộp được hồ sơ trực tuyến thủ tục %s",
	"Thu phí, lệ phí không đúng quy định khi giải quyết %s",
	"Hướng dẫn không thống nhất về thủ tục %s",
	"Kiến nghị rút ngắn thời hạn giải quyết thủ tục %s",
	"Kiến nghị cung cấp dịch vụ công trực tuyến toàn trình cho thủ tục %s",
	"Kiến nghị công khai đầy đủ mẫu đơn, tờ khai của thủ tục %s",
	"Kiến nghị cắt giảm thành phần hồ sơ của thủ tục %s",
	"Kiến nghị cho nộp hồ sơ, nhận kết quả %s qua bưu chính công ích",
}

// province is the province a petition about p goes to: the one its agencies belong to,
// else any.
func (w *petitionWorld) province(rng *rand.Rand, p *procInfo) *petitionProvince {
	if p.prov >= 0 && p.prov < len(w.provs) {
		return w.provs[p.prov]
	}
	if len(w.provs) == 1 {
		return w.provs[0]
	}
	return w.provs[rng.IntN(len(w.provs))]
}

func (w *petitionWorld) agency(prov *petitionProvince, id string) *agency {
	return w.byRef[prov.id+"/"+id]
}

// agencyFor is the agency that answers a petition about p received on day: one of its own
// in the province, else the commune (since the 2025 reorganisation) or the department.
func (w *petitionWorld) agencyFor(rng *rand.Rand, p *procInfo, prov *petitionProvince, day schedule.Date) *agency {
	var known []*agency
	for _, pa := range p.Agencies {
		a := w.byRef[pa.Ref]
		if a != nil && !a.Group && a.current() && a.Authority == prov.id && a.Level != "trung-uong" && (pa.Role == "tham-quyen" || pa.Role == "thuc-hien") {
			known = append(known, a)
		}
	}
	if len(known) > 0 {
		return known[rng.IntN(len(known))]
	}
	communal := slices.Contains(p.Levels, "xa") || slices.Contains(p.Levels, "huyen")
	if communal && !day.Before(reorgDate) && (!slices.Contains(p.Levels, "tinh") || rng.IntN(3) > 0) {
		return prov.wards[rng.IntN(len(prov.wards))]
	}
	return w.fieldAgency(p, prov)
}

// fieldAgency is the department of p's field, else the provincial public service centre.
func (w *petitionWorld) fieldAgency(p *procInfo, prov *petitionProvince) *agency {
	field := strings.ToLower(p.Field)
	for _, fa := range fieldAgencies {
		for word := range strings.SplitSeq(fa.words, "|") {
			if strings.Contains(field, word) {
				return w.agency(prov, fa.agency)
			}
		}
	}
	return w.agency(prov, fallbackAgency)
}

var wardPrefix = regexp.MustCompile(`^(?:Ủy ban nhân dân|UBND) `)

// place is where an agency sits, in words: "phường Long Xuyên", else the province.
func place(a *agency, prov *petitionProvince) string {
	if a.Level == "xa" {
		if s := wardPrefix.ReplaceAllString(a.Name, ""); s != a.Name {
			return s
		}
	}
	return prov.place
}

// petition makes the i-th petition of the seed. Each petition has its own random stream,
// so the first n petitions of a seed are the same whatever the number asked for.
func (w *petitionWorld) petition(seed uint64, i int) *petition {
	rng := rand.New(rand.NewPCG(seed, 0x70616b6e00000000+uint64(i)))
	pickS := func(list []string) string { return list[rng.IntN(len(list))] }
	received := w.days[rng.IntN(len(w.days))]
	p := w.procs[rng.IntN(len(w.procs))]
	prov := w.province(rng, p)
	a := w.agencyFor(rng, p, prov, received)
	tmpl := rng.IntN(6)
	kind := "phan-anh"
	if rng.IntN(5) < 2 {
		tmpl, kind = 6+rng.IntN(5), "kien-nghi"
	}
	name := procName(p.Name)
	subject := fmt.Sprintf(petitionSubjects[tmpl], name)

	// Status and the day of the answer, in working days after receipt.
	cal := w.cal
	last := w.asOf.AddDays(-1)
	status, delay := "da-tra-loi", 2+rng.IntN(8)
	switch r := rng.IntN(100); {
	case r < 7:
		status, delay = "chuyen", 1+rng.IntN(3)
	case r < 10:
		status, delay = "tu-choi", 2+rng.IntN(5)
	case r < 13:
		status = "dang-xu-ly"
	case r < 28:
		delay = 11 + rng.IntN(10) // answered late
	}
	var answered schedule.Date
	if status != "dang-xu-ly" {
		answered = cal.AddWorkingDays(received, delay)
		if answered.After(last) {
			status, answered = "dang-xu-ly", schedule.Date{}
		}
	}
	// A petition is forwarded to the department of the procedure's field.
	var target *agency
	if status == "chuyen" {
		target = w.fieldAgency(p, prov)
		for target == a {
			target = w.agency(prov, fieldAgencies[rng.IntN(len(fieldAgencies))].agency)
		}
	}

	// The petitioner: a person or, for procedures of organisations, a firm's representative.
	person := pickS(familyNames) + " " + pickS(middleNames) + " " + pickS(givenNames)
	phone := fmt.Sprintf("09%d%d %03d %03d", rng.IntN(10), rng.IntN(10), rng.IntN(1000), rng.IntN(1000))
	home := prov.wards[rng.IntN(len(prov.wards))]
	if a.Level == "xa" {
		home = a
	}
	addr := fmt.Sprintf("số %d đường %s, %s", 1+rng.IntN(300), pickS(streets), place(home, prov))
	firm := ""
	if !slices.ContainsFunc(p.Subjects, func(s string) bool {
		s = strings.ToLower(s)
		return strings.Contains(s, "cá nhân") || strings.Contains(s, "công dân") || strings.Contains(s, "người")
	}) && len(p.Subjects) > 0 {
		firm = pickS(firmNames)
	}
	var q strings.Builder
	switch {
	case firm != "":
		fmt.Fprintf(&q, "Tôi là %s, đại diện %s, trụ sở tại %s, điện thoại %s. ", person, firm, addr, phone)
	case rng.IntN(4) == 0:
		fmt.Fprintf(&q, "Tôi là người dân ở %s. ", place(home, prov))
	case rng.IntN(2) == 0:
		fmt.Fprintf(&q, "Tôi là %s, ngụ %s, SĐT %s. ", person, addr, phone)
	default:
		fmt.Fprintf(&q, "Tôi tên %s, CCCD số 0%02d%d%08d, nhà ở %s. ", person, 89+rng.IntN(3), rng.IntN(4), rng.IntN(100000000), addr)
	}
	visit := workingDaysBefore(cal, received, 3+rng.IntN(15))
	where := "Bộ phận Một cửa " + place(a, prov)
	if a.Level != "xa" {
		where = "Trung tâm Phục vụ hành chính công " + prov.place
	}
	k := 2 + rng.IntN(3)
	extra := pickS(extraPapers)
	fault := portalFaults[rng.IntN(len(portalFaults))]
	charged := 50 + 10*rng.IntN(20)
	switch tmpl {
	case 0:
		fmt.Fprintf(&q, "Ngày %s tôi nộp hồ sơ %s tại %s. Sau đó tôi nhận %d lần thông báo bổ sung, mỗi lần yêu cầu một loại giấy tờ khác nhau, trong khi thành phần hồ sơ đã công bố chỉ gồm %s.\n\nĐề nghị cơ quan hướng dẫn một lần, đầy đủ để người dân không phải đi lại nhiều lần.", dateVN(visit), name, where, k, p.Dossier)
	case 1:
		fmt.Fprintf(&q, "Ngày %s tôi nộp hồ sơ %s tại %s, phiếu hẹn trả kết quả ngày %s. Theo thủ tục đã công bố, thời hạn giải quyết là %s, nhưng đến nay đã quá hẹn mà chưa có kết quả, cũng không nhận được văn bản xin lỗi và hẹn lại.\n\nĐề nghị cho biết lý do chậm trễ và ngày trả kết quả.", dateVN(visit), name, where, dateVN(cal.AddWorkingDays(visit, 2+rng.IntN(5))), p.Time)
	case 2:
		fmt.Fprintf(&q, "Ngày %s tôi đến %s làm thủ tục %s. Cán bộ tiếp nhận yêu cầu tôi nộp thêm %s, trong khi giấy tờ này không có trong thành phần hồ sơ đã niêm yết.\n\nXin hỏi yêu cầu này có đúng quy định không? Nếu không, đề nghị hướng dẫn lại cho đúng.", dateVN(visit), where, name, extra)
	case 3:
		fmt.Fprintf(&q, "Tôi nộp hồ sơ %s trên Cổng Dịch vụ công quốc gia nhưng hệ thống báo lỗi, %s, thử lại nhiều lần từ ngày %s vẫn không được. Gọi tổng đài hỗ trợ thì được hướng dẫn đến nộp trực tiếp tại %s.\n\nĐề nghị khắc phục lỗi để người dân nộp hồ sơ trực tuyến được.", name, fault.fault, dateVN(visit), where)
	case 4:
		fmt.Fprintf(&q, "Ngày %s khi làm thủ tục %s tại %s, tôi bị thu %d.000 đồng nhưng biên lai chỉ ghi %d.000 đồng. Mức phí, lệ phí đã công bố của thủ tục là: %s.\n\nĐề nghị làm rõ khoản thu chênh lệch.", dateVN(visit), name, where, charged, charged/2, p.Fee)
	case 5:
		fmt.Fprintf(&q, "Tôi hỏi về thủ tục %s tại %s và qua tổng đài 1022 thì nhận được hai hướng dẫn khác nhau về thành phần hồ sơ và thời hạn giải quyết (%s).\n\nĐề nghị thống nhất hướng dẫn và niêm yết rõ tại nơi tiếp nhận hồ sơ.", name, where, p.Time)
	case 6:
		fmt.Fprintf(&q, "Thủ tục %s hiện có thời hạn giải quyết %s. Nhiều bước có thể làm song song hoặc liên thông điện tử giữa các cơ quan.\n\nTôi kiến nghị rút ngắn thời hạn giải quyết thủ tục này.", name, p.Time)
	case 7:
		fmt.Fprintf(&q, "Thủ tục %s hiện %s. Người ở xa như tôi phải đi lại nhiều lần để nộp hồ sơ và nhận kết quả.\n\nKiến nghị cung cấp dịch vụ công trực tuyến toàn trình cho thủ tục này.", name, onlineText(p.Online))
	case 8:
		fmt.Fprintf(&q, "Trên Cổng Dịch vụ công và tại %s không có mẫu đơn, tờ khai của thủ tục %s; người dân phải tự soạn và thường bị trả lại vì sai mẫu.\n\nKiến nghị công khai đầy đủ các mẫu đơn, tờ khai kèm hướng dẫn điền.", where, name)
	case 9:
		fmt.Fprintf(&q, "Thành phần hồ sơ thủ tục %s gồm %s. Nhiều thông tin trong đó đã có trong Cơ sở dữ liệu quốc gia về dân cư.\n\nKiến nghị cắt giảm các giấy tờ cơ quan giải quyết có thể tự khai thác.", name, p.Dossier)
	case 10:
		fmt.Fprintf(&q, "Tôi làm việc xa nhà, mỗi lần làm thủ tục %s phải nghỉ làm để đến %s.\n\nKiến nghị cho phép nộp hồ sơ và nhận kết quả qua dịch vụ bưu chính công ích.", name, where)
	}

	var ans strings.Builder
	switch status {
	case "da-tra-loi":
		fmt.Fprintf(&ans, "%s trả lời như sau:\n\n1. Thủ tục %s (mã %s) thuộc lĩnh vực %s", a.Name, name, p.Code, p.Field)
		if len(p.LegalBases) > 0 {
			lb := p.LegalBases[rng.IntN(len(p.LegalBases))]
			basis := cmp.Or(lb.Number, lb.Title)
			if lb.Number != "" && lb.Title != "" && len(lb.Title) < 160 {
				basis = strings.TrimRight(lb.Title, ". ") + " (" + lb.Number + ")"
			}
			fmt.Fprintf(&ans, ", thực hiện theo %s", basis)
		}
		fmt.Fprintf(&ans, "; thời hạn giải quyết %s; phí, lệ phí: %s.\n2. ", p.Time, p.Fee)
		switch tmpl {
		case 0:
			fmt.Fprintf(&ans, "Qua kiểm tra, hồ sơ của Ông/Bà bị yêu cầu bổ sung %d lần là không đúng quy định về hướng dẫn một lần, đầy đủ. Cơ quan đã chấn chỉnh công chức tiếp nhận và tiếp nhận lại hồ sơ.", k)
		case 1:
			fmt.Fprintf(&ans, "Hồ sơ chậm do phải xác minh thông tin với cơ quan liên quan. Cơ quan đã gửi văn bản xin lỗi và trả kết quả cho Ông/Bà ngày %s.", dateVN(answered))
		case 2:
			fmt.Fprintf(&ans, "Thành phần hồ sơ của thủ tục **không có** %s. Việc yêu cầu nộp thêm là không đúng quy định; cơ quan đã nhắc nhở công chức và tiếp nhận hồ sơ không cần bổ sung.", extra)
		case 3:
			fmt.Fprintf(&ans, "Lỗi phát sinh do %s; cơ quan đã phối hợp với đơn vị vận hành khắc phục từ ngày %s. Ông/Bà có thể nộp lại hồ sơ trực tuyến.", fault.cause, dateVN(workingDaysBefore(cal, answered, 1)))
		case 4:
			fmt.Fprintf(&ans, "Khoản thu chênh lệch %d.000 đồng là không đúng quy định và đã được hoàn trả cho Ông/Bà; người thu đã bị kiểm điểm.", charged-charged/2)
		case 5:
			ans.WriteString("Cơ quan đã thống nhất nội dung hướng dẫn theo thủ tục đã công bố và niêm yết lại tại nơi tiếp nhận hồ sơ và trên Cổng Dịch vụ công của tỉnh.")
		case 6, 9:
			fmt.Fprintf(&ans, "Nội dung này được quy định tại văn bản quy phạm pháp luật của trung ương nên địa phương chưa thể tự điều chỉnh. Cơ quan ghi nhận kiến nghị và sẽ đề xuất trong kế hoạch rà soát, đánh giá thủ tục hành chính năm %d.", answered.Year+1)
		case 7:
			ans.WriteString("Cơ quan ghi nhận kiến nghị và đã đề nghị Văn phòng UBND tỉnh đưa thủ tục vào danh mục cung cấp dịch vụ công trực tuyến toàn trình trong đợt rà soát tới.")
		case 8:
			ans.WriteString("Các mẫu đơn, tờ khai của thủ tục đã được cập nhật trên Cổng Dịch vụ công và niêm yết tại nơi tiếp nhận hồ sơ.")
		case 10:
			ans.WriteString("Thủ tục đã tiếp nhận hồ sơ và trả kết quả qua dịch vụ bưu chính công ích; Ông/Bà đăng ký khi nộp hồ sơ hoặc qua tổng đài của bưu điện.")
		}
		ans.WriteString("\n\n" + pickS(closings))
	case "chuyen":
		fmt.Fprintf(&ans, "%s thông báo:\n\nNội dung phản ánh, kiến nghị về thủ tục %s (mã %s) không thuộc thẩm quyền giải quyết của %s. Căn cứ Nghị định 20/2008/NĐ-CP về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính, cơ quan đã chuyển đến **%s** để xem xét, trả lời theo thẩm quyền, và đã thông báo việc chuyển cho Ông/Bà.", a.Name, name, p.Code, a.ShortName(), target.Name)
	case "tu-choi":
		fmt.Fprintf(&ans, "%s thông báo:\n\nNội dung Ông/Bà gửi là %s, không phải phản ánh, kiến nghị về quy định hành chính nên không thuộc phạm vi tiếp nhận, xử lý theo Nghị định 20/2008/NĐ-CP. Cơ quan không thụ lý theo quy trình xử lý phản ánh, kiến nghị và đã hướng dẫn Ông/Bà gửi đến cơ quan có thẩm quyền.", a.Name, pickS(refusals))
	}

	out := &petition{i: i, received: received, answered: answered, due: cal.AddWorkingDays(received, answerDays),
		status: status, agencies: []string{a.Ref()}}
	var buf bytes.Buffer
	buf.WriteString("# Phản ánh, kiến nghị MINH HỌA do congkhai sitegen sinh ra: người gửi, nội dung và câu trả lời đều không có thật.\n\n")
	fmt.Fprintf(&buf, "received = %s\n", received)
	fmt.Fprintf(&buf, "channel = %q\n", channel(rng))
	fmt.Fprintf(&buf, "kind = %q\n", kind)
	buf.WriteString("subject = ")
	tomltext.Basic(&buf, subject)
	fmt.Fprintf(&buf, "\nprocedure = %q\n", p.Code)
	fmt.Fprintf(&buf, "agencies = [%q", a.Ref())
	if target != nil {
		fmt.Fprintf(&buf, ", %q", target.Ref())
		out.agencies = append(out.agencies, target.Ref())
	}
	buf.WriteString("]\n")
	fmt.Fprintf(&buf, "status = %q\n", status)
	if !answered.IsZero() {
		fmt.Fprintf(&buf, "answered = %s\n", answered)
	}
	buf.WriteString("illustrative = true\nquestion = ")
	tomltext.Multiline(&buf, q.String())
	buf.WriteString("\n")
	if ans.Len() > 0 {
		buf.WriteString("answer = ")
		tomltext.Multiline(&buf, ans.String())
		buf.WriteString("\n")
	}
	if status == "da-tra-loi" && rng.IntN(2) == 0 {
		buf.WriteString("\n[[document]]\ntitle = ")
		tomltext.Basic(&buf, "Văn bản trả lời phản ánh, kiến nghị")
		fmt.Fprintf(&buf, "\nnumber = \"%d/TL-PAKN\"\ndate = %s\n", 100+rng.IntN(900), answered)
	}
	buf.WriteString("\n[petitioner]\nname = ")
	tomltext.Basic(&buf, person)
	fmt.Fprintf(&buf, "\nphone = %q\naddress = ", phone)
	tomltext.Basic(&buf, addr)
	buf.WriteString("\n")
	out.data = buf.Bytes()
	return out
}

func channel(rng *rand.Rand) string {
	total := 0
	for _, c := range channelWeights {
		total += c.weight
	}
	n := rng.IntN(total)
	for _, c := range channelWeights {
		if n < c.weight {
			return c.channel
		}
		n -= c.weight
	}
	return channelWeights[0].channel
}

// petitionFiles names petitions in order of receipt, numbered per year (2025-0001.toml, …,
// with five digits in a year of more than 9,999), and returns their files by name.
func petitionFiles(ps []*petition) map[string][]byte {
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b *petition) int { return cmp.Or(a.received.Compare(b.received), cmp.Compare(a.i, b.i)) })
	perYear := map[int]int{}
	for _, p := range ps {
		perYear[p.received.Year]++
	}
	width := 4
	for _, n := range perYear {
		width = max(width, len(fmt.Sprint(n)))
	}
	files := make(map[string][]byte, len(ps))
	seen := map[int]int{}
	for _, p := range ps {
		seen[p.received.Year]++
		files[fmt.Sprintf("%d-%0*d.toml", p.received.Year, width, seen[p.received.Year])] = p.data
	}
	return files
}

// procName is a procedure's name as it reads after "thủ tục": "đăng ký kết hôn".
func procName(name string) string {
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(name, "Thủ tục "), "thủ tục "))
	name = strings.TrimRight(name, ". ")
	if r := []rune(name); len(r) > 1 && !isUpperRune(r[1]) {
		return lowerFirst(name)
	}
	return name
}

func isUpperRune(r rune) bool {
	return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

func onlineText(level string) string {
	switch level {
	case "toan-trinh":
		return "đã có dịch vụ công trực tuyến nhưng hay bị lỗi khi nộp"
	case "mot-phan", "co":
		return "chỉ nộp trực tuyến được một phần, vẫn phải đến nộp bản giấy và nhận kết quả trực tiếp"
	}
	return "chưa có dịch vụ công trực tuyến"
}

// workingDaysBefore is the n-th working day before d.
func workingDaysBefore(cal *schedule.Calendar, d schedule.Date, n int) schedule.Date {
	for n > 0 {
		d = d.AddDays(-1)
		if cal.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

func dateVN(d schedule.Date) string { return fmt.Sprintf("%d/%d/%d", d.Day, int(d.Month), d.Year) }
