package render

import (
	"encoding/json"
	"html/template"
	"strings"

	"congkhai/generator/vocab"
)

// Citing and sharing: the line a journalist quotes, the metadata a link preview reads, and
// schema.org facts where a type fits.

// Citation is how to cite a record's page, in one line: its title, the agency responsible,
// its status on the as-of day, its permanent address and the day the figures are as of:
// "Nhiệm vụ 3 – … Chủ trì: Sở Tư pháp. Trạng thái: Quá hạn (hạn 31/12/2025). https://…/
// (số liệu đến ngày 06/12/2026)". "" for a page that is not one record.
func (pg *Page) Citation() string {
	var parts []string
	switch pg.Kind {
	case "task":
		t := pg.Task
		parts = append(parts, pg.Title+" – "+t.Plan.ShortTitle+".")
		if lead := t.Assignments[0].LeadText; lead != "" {
			parts = append(parts, "Chủ trì: "+strings.TrimRight(lead, ".;")+".")
		}
		st := "Trạng thái: " + t.Status().Label()
		if n := t.StatusNote(); n != "" {
			st += " (" + n + ")"
		}
		parts = append(parts, st+".")
	case "procedure":
		p := pg.Procedure
		parts = append(parts, "Thủ tục "+p.Name+" (mã "+p.Code+").")
	case "petition":
		p := pg.Petition
		parts = append(parts, p.Kind.Label()+" "+p.ID+": "+p.Subject+".", "Tình trạng: "+p.Status.Label()+", "+strings.ToLower(p.Timeliness.Label())+".")
	case "score-period":
		parts = append(parts, pg.Period.Title+".")
	default:
		return ""
	}
	if pg.r.opts.Kiosk != nil {
		return "" // a kiosk's visitor carries the page away by its QR code
	}
	parts = append(parts, pg.Permalink())
	if pg.ShowsAsOf() { // a page that does not state the as-of day is not made again for a new one
		parts = append(parts, "(số liệu đến ngày "+pg.Site.AsOf.VN()+")")
	}
	return strings.Join(parts, " ")
}

// ShareDescription is what a link preview says of the page under its title.
func (pg *Page) ShareDescription() string {
	switch pg.Kind {
	case "task":
		t := pg.Task
		s := t.Status().Label()
		if n := t.StatusNote(); n != "" {
			s += " (" + n + ")"
		}
		return s + ". " + t.Plan.ShortTitle + ". Số liệu đến ngày " + pg.Site.AsOf.VN() + "."
	case "plan":
		c := pg.Plan.Counts
		return pg.Plan.Authority.Name + ": " + number(c.Settled()) + "/" + number(c.Completable()) + " nhiệm vụ phải hoàn thành đã hoàn thành. Số liệu đến ngày " + pg.Site.AsOf.VN() + "."
	case "petition":
		return pg.Petition.Status.Label() + ", " + strings.ToLower(pg.Petition.Timeliness.Label()) + "."
	}
	return pg.Site.Description
}

// JSONLD is the schema.org description of the page, where a type fits: a procedure is a
// GovernmentService, the open data page a DataCatalog of Datasets; "" elsewhere.
func (pg *Page) JSONLD() template.JS {
	var v any
	switch pg.Kind {
	case "procedure":
		p := pg.Procedure
		svc := map[string]any{"@context": "https://schema.org", "@type": "GovernmentService", "name": p.Name,
			"identifier": p.Code, "url": pg.Permalink(), "areaServed": "VN", "inLanguage": "vi"}
		if p.Field != nil {
			svc["serviceType"] = p.Field.Name
		}
		for _, a := range p.Agencies {
			if a.Role == vocab.RoleDeciding {
				svc["provider"] = map[string]any{"@type": "GovernmentOrganization", "name": a.Name}
				break
			}
		}
		v = svc
	case "data":
		var sets []any
		for _, d := range pg.Datasets() {
			c, j := d.Files()
			sets = append(sets, map[string]any{"@type": "Dataset", "name": d.Title, "description": d.Description,
				"keywords": d.Keywords, "inLanguage": "vi", "isAccessibleForFree": true,
				"distribution": []any{
					map[string]any{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": pg.r.absolute(c)},
					map[string]any{"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": pg.r.absolute(j)},
				}})
		}
		v = map[string]any{"@context": "https://schema.org", "@type": "DataCatalog", "name": "Dữ liệu mở – " + pg.Site.Title,
			"inLanguage": "vi", "dataset": sets}
	default:
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(b) // json.Marshal escapes <, > and &: safe inside a script element
}
