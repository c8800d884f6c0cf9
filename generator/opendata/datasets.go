package opendata

import (
	"cmp"
	"strconv"
	"strings"

	"congkhai/generator/markdown"
	"congkhai/generator/model"
	"congkhai/generator/vocab"
)

// Datasets are the site's registers as tables, in the order the "Dữ liệu mở" page lists
// them; a register the site does not hold gives no dataset. link gives each record's page.
func Datasets(s *model.Site, link Links) []*Dataset {
	var out []*Dataset
	if len(s.Plans) > 0 {
		out = append(out, plans(s, link), tasks(s, link))
		if len(s.Reports) > 0 {
			out = append(out, reports(s, link))
		}
	}
	if len(s.Agencies) > 0 {
		out = append(out, agencies(s, link))
	}
	if len(s.Procedures) > 0 {
		out = append(out, procedures(s, link))
	}
	if len(s.Petitions) > 0 {
		out = append(out, petitions(s, link))
	}
	if len(s.ScorePeriods) > 0 {
		out = append(out, scores(s, link))
	}
	return out
}

var urlField = Field{"url", URL, "Địa chỉ trang của bản ghi trên trang này, tính từ gốc trang."}

func plans(s *model.Site, link Links) *Dataset {
	d := &Dataset{ID: "ke-hoach", Title: "Kế hoạch", Keywords: []string{"kế hoạch", "kiểm soát thủ tục hành chính", "cải cách hành chính"},
		Description: "Các kế hoạch trên trang: văn bản ban hành và số nhiệm vụ theo trạng thái, tính đến ngày số liệu.",
		Fields: []Field{
			{"id", Text, "Mã kế hoạch trên trang (tên thư mục), không đổi."},
			{"tieu_de", Text, "Tên kế hoạch như văn bản ghi."},
			{"dia_phuong", Text, "Địa phương ban hành (mã danh mục cơ quan)."},
			{"loai", Text, "Loại kế hoạch: kiem-soat-tthc, cai-cach-hanh-chinh hoặc other."},
			{"nam", Number, "Năm của kế hoạch."},
			{"van_ban", Text, "Loại văn bản ban hành: Quyết định hoặc Kế hoạch."},
			{"so_van_ban", Text, "Số văn bản như in; trống nếu văn bản để trống số."},
			{"ngay_van_ban", Date, "Ngày văn bản; trống nếu văn bản để trống ngày."},
			{"co_quan_ban_hanh", Text, "Cơ quan, người có thẩm quyền ban hành."},
			{"dia_chi_cong_bo", URL, "Nơi văn bản được công bố, nếu biết."},
			{"so_nhiem_vu", Number, "Tổng số nhiệm vụ trong phụ lục."},
			{"phai_hoan_thanh", Number, "Số nhiệm vụ phải hoàn thành (không định kỳ)."},
			{"da_hoan_thanh", Number, "Số nhiệm vụ đã hoàn thành, đúng hạn hoặc trễ hạn."},
			{"qua_han", Number, "Số nhiệm vụ quá hạn."},
			{"dinh_ky", Number, "Số nhiệm vụ định kỳ, thường xuyên (tính theo kỳ báo cáo)."},
			{"ky_den_han", Number, "Số kỳ báo cáo đã kết thúc của các nhiệm vụ định kỳ."},
			{"ky_co_bao_cao", Number, "Trong số kỳ đó, số kỳ có báo cáo."},
			urlField,
		}}
	for _, p := range s.Plans {
		c := p.Counts
		d.add(p, p.ID, p.Title, p.Authority.ID, p.Kind.Key(), num(p.Year), p.Document.Type.Label(), p.Document.Number,
			date(p.Document.Date), p.Document.Issuer, p.Document.URL, num(c.Total()), num(c.Completable()), num(c.Settled()),
			num(c.Overdue()), num(c.Recurring()), num(c.PeriodsDue), num(c.PeriodsReported), link(p))
		d.dated(p.Document.Date)
	}
	return d
}

func tasks(s *model.Site, link Links) *Dataset {
	d := &Dataset{ID: "nhiem-vu", Title: "Nhiệm vụ và trạng thái", Keywords: []string{"nhiệm vụ", "tiến độ", "trạng thái"},
		Description: "Mọi nhiệm vụ trong phụ lục của các kế hoạch, với cơ quan và thời hạn như văn bản in, và trạng thái tính đến ngày số liệu. Một nhiệm vụ giao nhiều phần việc có một dòng cho mỗi phần.",
		Fields: []Field{
			{"ke_hoach", Text, "Mã kế hoạch."},
			{"id", Text, "Mã nhiệm vụ trong kế hoạch, không đổi khi kế hoạch đánh số lại."},
			{"phan", Number, "Thứ tự phần việc (1 nếu nhiệm vụ chỉ có một)."},
			{"muc", Text, "Số mục của phụ lục (I, II, 1.1…)."},
			{"stt", Text, "Số thứ tự như in."},
			{"noi_dung", Text, "Nội dung nhiệm vụ, văn bản thuần."},
			{"chu_tri", Text, "Cơ quan chủ trì, nguyên văn."},
			{"chu_tri_ma", Text, "Mã các cơ quan chủ trì trong danh mục, cách nhau bởi “; ”."},
			{"phoi_hop", Text, "Cơ quan phối hợp, nguyên văn."},
			{"phoi_hop_ma", Text, "Mã các cơ quan phối hợp."},
			{"san_pham", Text, "Sản phẩm, kết quả; mỗi mục một dòng."},
			{"thoi_han", Text, "Thời hạn, nguyên văn như văn bản in."},
			{"thoi_han_doc_la", Text, "Cách đọc của biên tập viên khi văn bản in nhầm thời hạn."},
			{"ngay_het_han", Date, "Ngày hết hạn dùng để tính trạng thái (với nhiệm vụ định kỳ: ngày cuối của thời gian thực hiện)."},
			{"trang_thai", Text, "Trạng thái tính đến ngày số liệu."},
			{"trang_thai_ma", Text, "Mã trạng thái: hoan-thanh, hoan-thanh-tre-han, dang-thuc-hien, bao-cao-cu, chua-den-han, qua-han, chua-co-bao-cao, du-bao-cao-ky, thieu-bao-cao-ky."},
			{"trang_thai_tu_ngay", Date, "Ngày mà trạng thái dựa vào: ngày hoàn thành, ngày đầu quá hạn, ngày của báo cáo…"},
			{"ghi_chu_trang_thai", Text, "Trạng thái ghi ngày, như trang hiển thị (ví dụ “hạn 31/12/2024”, “báo cáo 3/4 quý”)."},
			{"ky_den_han", Number, "Nhiệm vụ định kỳ: số kỳ báo cáo đã kết thúc."},
			{"ky_co_bao_cao", Number, "Nhiệm vụ định kỳ: số kỳ đã kết thúc có báo cáo."},
			{"bao_cao_gan_nhat", Date, "Ngày của báo cáo tiến độ gần nhất."},
			{"ty_le", Number, "Tỷ lệ hoàn thành (%) trong báo cáo gần nhất, nếu có."},
			urlField,
		}}
	for _, p := range s.Plans {
		for _, t := range p.Tasks {
			a := t.Assessment
			latest, pct := "", ""
			if r := t.LatestReport(); r != nil {
				latest = date(r.Date)
				if r.Percent >= 0 {
					pct = num(r.Percent)
				}
				d.dated(r.Date)
			}
			periodsDue, periodsReported := "", ""
			if t.Status().Recurring() {
				periodsDue, periodsReported = num(a.PeriodsDue), num(a.PeriodsReported)
			}
			for i, as := range t.Assignments {
				d.add(t, p.ID, t.ID, num(i+1), t.Section.Number, t.STT, markdown.Text(t.Content), as.LeadText, keys(as.Lead),
					as.CooperatingText, keys(as.Cooperating), strings.Join(as.Outputs, "\n"), as.DeadlinePrinted, as.DeadlineReadAs,
					date(a.Due), t.Status().Label(), t.Status().Key(), date(a.Since), t.StatusNote(), periodsDue, periodsReported,
					latest, pct, link(t))
			}
		}
	}
	return d
}

func reports(s *model.Site, link Links) *Dataset {
	d := &Dataset{ID: "bao-cao-tien-do", Title: "Báo cáo tiến độ", Keywords: []string{"báo cáo tiến độ"},
		Description: "Các báo cáo tiến độ của cơ quan về từng nhiệm vụ, mới nhất trước. Báo cáo có minh_hoa = true là dữ liệu minh họa, không phải báo cáo thật.",
		Fields: []Field{
			{"ke_hoach", Text, "Mã kế hoạch."},
			{"nhiem_vu", Text, "Mã nhiệm vụ."},
			{"ngay", Date, "Ngày báo cáo."},
			{"co_quan", Text, "Mã cơ quan báo cáo."},
			{"tinh_trang", Text, "Tình trạng cơ quan báo cáo: not-started, in-progress, done, periodic."},
			{"ty_le", Number, "Tỷ lệ hoàn thành (%), nếu có."},
			{"ky", Text, "Kỳ báo cáo của nhiệm vụ định kỳ (2024-Q1, 2024-03, 2024…)."},
			{"ngay_hoan_thanh", Date, "Ngày hoàn thành, với báo cáo đã hoàn thành."},
			{"noi_dung", Text, "Nội dung báo cáo, văn bản thuần."},
			{"van_ban", Text, "Văn bản, minh chứng: số, ngày và trích yếu, cách nhau bởi dòng mới."},
			{"minh_hoa", Bool, "true nếu là dữ liệu minh họa."},
			urlField,
		}}
	for _, r := range s.Reports {
		var ev []string
		for _, e := range r.Evidence {
			ev = append(ev, strings.TrimSpace(strings.Join(nonEmpty(e.Number, e.Date.VN(), e.Title, e.URL), " · ")))
		}
		pct := ""
		if r.Percent >= 0 {
			pct = num(r.Percent)
		}
		d.add(r.Task, r.Task.Plan.ID, r.Task.ID, date(r.Date), r.Agency.Key, r.State.Key(), pct, r.Period, date(r.Completed),
			markdown.Text(r.Body), strings.Join(ev, "\n"), boolean(r.Illustrative), link(r))
		d.dated(r.Date)
	}
	return d
}

func agencies(s *model.Site, link Links) *Dataset {
	d := &Dataset{ID: "co-quan", Title: "Cơ quan", Keywords: []string{"cơ quan", "sắp xếp tổ chức bộ máy"},
		Description: "Danh mục cơ quan mà các kế hoạch, thủ tục, phản ánh và Bộ chỉ số 766 nhắc đến, với cơ quan kế nhiệm sau sắp xếp năm 2025.",
		Fields: []Field{
			{"ma", Text, "Mã cơ quan: danh mục/mã."},
			{"ten", Text, "Tên đầy đủ."},
			{"ten_ngan", Text, "Tên ngắn hiển thị."},
			{"danh_muc", Text, "Danh mục (địa phương) chứa cơ quan."},
			{"cap", Text, "Cấp: tỉnh, huyện, xã…"},
			{"loai", Text, "Loại: agency (một cơ quan), group (một nhóm cơ quan), person (một chức danh)…"},
			{"truc_thuoc", Text, "Mã cơ quan cấp trên."},
			{"ke_nhiem", Text, "Mã cơ quan kế nhiệm trực tiếp."},
			{"ke_nhiem_tu_ngay", Date, "Ngày cơ quan kế nhiệm nhận nhiệm vụ."},
			{"ke_nhiem_chua_xac_dinh", Bool, "true nếu cơ quan đã thay đổi mà chưa xác định được cơ quan kế nhiệm."},
			{"ghi_chu_ke_nhiem", Text, "Căn cứ, ghi chú về việc thay đổi."},
			{"hien_nay", Text, "Mã cơ quan đang làm nhiệm vụ này hiện nay (cuối chuỗi kế nhiệm)."},
			{"chu_tri", Number, "Số nhiệm vụ chủ trì."},
			{"phoi_hop", Number, "Số nhiệm vụ phối hợp."},
			urlField,
		}}
	for _, a := range s.Agencies {
		parent, succ, today := "", "", ""
		if a.Parent != nil {
			parent = a.Parent.Key
		}
		if a.Successor != nil {
			succ = a.Successor.Key
		}
		if t := a.Today(); t != nil {
			today = t.Key
		}
		d.add(a, a.Key, a.Name, a.ShortName(), a.Authority.ID, a.Level.Label(), a.Kind.Key(), parent, succ, date(a.SuccessorDate),
			boolean(a.SuccessorUnknown), a.SuccessorNote, today, num(len(a.Leads)), num(len(a.Cooperates)), link(a))
	}
	return d
}

func procedures(s *model.Site, link Links) *Dataset {
	d := &Dataset{ID: "thu-tuc", Title: "Thủ tục hành chính", Keywords: []string{"thủ tục hành chính", "TTHC"},
		Description: "Danh mục thủ tục hành chính, nhập từ Cơ sở dữ liệu quốc gia về thủ tục hành chính.",
		Fields: []Field{
			{"ma", Text, "Mã thủ tục trên Cơ sở dữ liệu quốc gia."},
			{"ten", Text, "Tên thủ tục."},
			{"linh_vuc", Text, "Lĩnh vực."},
			{"cap", Text, "Cấp thực hiện, cách nhau bởi “; ”."},
			{"truc_tuyen", Text, "Mức cung cấp dịch vụ công trực tuyến."},
			{"co_quan", Text, "Cơ quan có thẩm quyền, thực hiện…, như nguồn ghi, cách nhau bởi “; ”."},
			{"cach_thuc", Text, "Mỗi cách thức nộp một dòng: cách thức: thời hạn; phí, lệ phí."},
			{"can_cu", Text, "Căn cứ pháp lý: số văn bản, cách nhau bởi “; ”."},
			{"nguon", URL, "Trang của thủ tục trên Cơ sở dữ liệu quốc gia."},
			urlField,
		}}
	for _, p := range s.Procedures {
		var levels, ags, methods, bases []string
		for _, l := range p.Levels {
			levels = append(levels, l.Label())
		}
		for _, a := range p.Agencies {
			ags = append(ags, a.Name)
		}
		for _, m := range p.Methods {
			t := m.Time
			if m.TimeNoUnit {
				t = "không ghi rõ"
			}
			methods = append(methods, m.Channel.Label()+": "+t+"; "+m.Fee)
		}
		for _, b := range p.LegalBases {
			bases = append(bases, cmp.Or(b.Number, b.Title))
		}
		field := ""
		if p.Field != nil {
			field = p.Field.Name
		}
		d.add(p, p.Code, p.Name, field, strings.Join(levels, "; "), p.Online.Label(), strings.Join(ags, "; "),
			strings.Join(methods, "\n"), strings.Join(bases, "; "), p.SourceURL, link(p))
	}
	return d
}

func petitions(s *model.Site, link Links) *Dataset {
	d := &Dataset{ID: "phan-anh-kien-nghi", Title: "Phản ánh, kiến nghị", Keywords: []string{"phản ánh", "kiến nghị", "PAKN"},
		Description: "Phản ánh, kiến nghị về quy định hành chính và câu trả lời, đã che thông tin cá nhân đúng như trên trang. Bản ghi có minh_hoa = true là dữ liệu minh họa.",
		Fields: []Field{
			{"ma", Text, "Mã phản ánh, kiến nghị."},
			{"ngay_nhan", Date, "Ngày tiếp nhận."},
			{"kenh", Text, "Kênh tiếp nhận."},
			{"loai", Text, "Phản ánh hay kiến nghị."},
			{"tieu_de", Text, "Tiêu đề, đã che thông tin cá nhân."},
			{"thu_tuc", Text, "Mã thủ tục liên quan."},
			{"co_quan", Text, "Mã các cơ quan xử lý."},
			{"tinh_trang", Text, "Tình trạng xử lý."},
			{"han_tra_loi", Date, "Hạn trả lời."},
			{"ngay_tra_loi", Date, "Ngày trả lời."},
			{"dung_han", Text, "Đúng hạn, trễ hạn, trong hạn hay quá hạn, tính đến ngày số liệu."},
			{"so_ngay", Number, "Số ngày (theo quy tắc tính hạn) từ khi nhận đến khi trả lời, hoặc đến ngày số liệu."},
			{"noi_dung", Text, "Nội dung phản ánh, kiến nghị, đã che thông tin cá nhân."},
			{"tra_loi", Text, "Nội dung trả lời, đã che thông tin cá nhân."},
			{"minh_hoa", Bool, "true nếu là dữ liệu minh họa."},
			urlField,
		}}
	for _, p := range s.Petitions {
		d.add(p, p.ID, date(p.Received), p.Channel.Label(), p.Kind.Label(), p.Subject, p.ProcedureCode, keys(p.Agencies),
			p.Status.Label(), date(p.Due), date(p.Answered), p.Timeliness.Label(), num(p.Days), markdown.Text(p.Question),
			markdown.Text(p.Answer), boolean(p.Illustrative), link(p))
		d.dated(p.Received, p.Answered)
	}
	return d
}

func scores(s *model.Site, link Links) *Dataset {
	fields := []Field{
		{"ky", Text, "Mã kỳ đánh giá (2026-10, 2026-q3, 2026…)."},
		{"ten_ky", Text, "Kỳ đánh giá bằng chữ."},
		{"luy_ke_den", Date, "Ngày cuối được tính, khi kỳ chưa kết thúc."},
		{"don_vi", Text, "Tên đơn vị như công bố."},
		{"co_quan", Text, "Mã cơ quan trong danh mục."},
	}
	for _, g := range vocab.ScoreGroups() {
		fields = append(fields, Field{g.Key(), Number, g.Label() + " (" + strings.ToUpper(g.Key()) + "), điểm tối đa " + strconv.FormatFloat(g.Max(), 'f', -1, 64) + "."})
	}
	fields = append(fields,
		Field{"tong", Number, "Tổng điểm, trên 100."},
		Field{"hang", Number, "Thứ hạng trong phạm vi của kỳ."},
		Field{"xep_loai", Text, "Xếp loại: Xuất sắc, Tốt, Khá, Trung bình, Yếu."},
		Field{"minh_hoa", Bool, "true nếu là dữ liệu minh họa."},
		urlField)
	d := &Dataset{ID: "chi-so-766", Title: "Bộ chỉ số 766", Keywords: []string{"Bộ chỉ số 766", "chất lượng phục vụ"}, Fields: fields,
		Description: "Kết quả Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg), theo kỳ và đơn vị."}
	for _, p := range s.ScorePeriods {
		for _, u := range p.Units {
			vals := []string{p.ID, p.Label(), date(p.Through), u.Name, ""}
			if u.Agency != nil {
				vals[4] = u.Agency.Key
			}
			for _, g := range u.Groups {
				vals = append(vals, strconv.FormatFloat(g, 'f', -1, 64))
			}
			rank := ""
			if u.Rank > 0 {
				rank = num(u.Rank)
			}
			vals = append(vals, strconv.FormatFloat(u.Total, 'f', -1, 64), rank, u.Band.Label(), boolean(p.Illustrative), link(p))
			d.add(p, vals...)
		}
		d.dated(p.Through)
	}
	return d
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
