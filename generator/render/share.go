package render

import (
	"fmt"
	"image/color"
	"strings"

	"congkhai/generator/model"
	"congkhai/generator/shareimage"
	"congkhai/generator/vocab"
)

// Share images: beside each task, plan, petition and 766 period page, chia-se.png, the
// picture a link to the page shows when pasted into Zalo, Facebook or a chat. An image
// shows what its page shows, so it is made from the page's inputs.

const shareName = "chia-se.png"

var shareKinds = map[string]bool{"plan": true, "task": true, "petition": true, "score-period": true}

func (s *Set) shareOutputs(pages []*Page) {
	for _, pg := range pages {
		if shareKinds[pg.Kind] && pg.List == nil {
			pg := pg
			s.add(&Output{Path: sharePath(pg), Kind: "share", page: pg, make: func() []byte {
				b, err := s.r.card(pg).PNG()
				if err != nil {
					panic("render: share image: " + err.Error()) // the fonts are embedded: cannot fail
				}
				return b
			}})
		}
	}
}

func sharePath(pg *Page) string { return beside(pg.Path, shareName) }

// ShareImage is the absolute address of the page's share image, or "" when it has none or
// the site has no base URL (the sites that show it fetch it by its full address).
func (pg *Page) ShareImage() string {
	if !shareKinds[pg.Kind] || pg.List != nil || pg.r.baseURL == "" {
		return ""
	}
	return pg.r.baseURL + "/" + sharePath(pg)
}

var statusColors = map[vocab.TaskStatus]color.RGBA{
	vocab.TaskDone: {0x1a, 0x7f, 0x37, 0xff}, vocab.TaskDoneLate: {0x8a, 0x5a, 0x00, 0xff},
	vocab.TaskInProgress: {0x0b, 0x57, 0xa4, 0xff}, vocab.TaskStale: {0x8a, 0x5a, 0x00, 0xff},
	vocab.TaskNotDue: {0x57, 0x60, 0x6a, 0xff}, vocab.TaskOverdue: {0xb3, 0x1b, 0x1b, 0xff},
	vocab.TaskNoReport: {0x57, 0x60, 0x6a, 0xff}, vocab.TaskPeriodsReported: {0x66, 0x39, 0xba, 0xff},
	vocab.TaskPeriodsMissing: {0xb3, 0x1b, 0x1b, 0xff},
}

var neutral = color.RGBA{0x0b, 0x57, 0xa4, 0xff}

// card is what the page's share image shows.
func (r *renderer) card(pg *Page) shareimage.Card {
	c := shareimage.Card{Footer: r.site.Title}
	if pg.ShowsAsOf() { // a page that does not state the as-of day is not made again for a new one
		c.Footer += " · Số liệu đến ngày " + r.site.AsOf.VN()
	}
	switch pg.Kind {
	case "task":
		t := pg.Task
		c.Kicker = "Nhiệm vụ " + t.STT + " · " + t.Plan.ShortTitle
		c.Title = plainText(t.Content)
		c.Status, c.StatusColor = t.Status().Label(), statusColors[t.Status()]
		if n := t.StatusNote(); n != "" {
			c.Status += " · " + n
		}
		if lead := t.Assignments[0].LeadText; lead != "" {
			c.Agency = "Chủ trì: " + lead
		} else if len(t.Assignments[0].Lead) > 0 {
			c.Agency = "Chủ trì: " + t.Assignments[0].Lead[0].ShortName()
		}
		if rep := t.LatestReport(); rep != nil {
			c.Illustrative = rep.Illustrative
		}
	case "plan":
		p := pg.Plan
		c.Kicker = "Kế hoạch · " + p.Authority.Name
		c.Title = p.Title
		cnt := p.Counts
		c.Status, c.StatusColor = fmt.Sprintf("Hoàn thành %d/%d nhiệm vụ phải hoàn thành", cnt.Settled(), cnt.Completable()), neutral
		c.Agency = strings.TrimSpace(p.Document.Type.Label() + " " + numberOf(p))
	case "petition":
		pt := pg.Petition
		c.Kicker = pt.Kind.Label() + " " + pt.ID + " · tiếp nhận ngày " + pt.Received.VN()
		c.Title = pt.Subject
		c.Status, c.StatusColor = pt.Status.Label()+" · "+pt.Timeliness.Label(), neutral
		c.Agency = agencyNames(pt.Agencies)
		c.Illustrative = pt.Illustrative
	case "score-period":
		sp := pg.Period
		c.Kicker = "Bộ chỉ số 766 · " + sp.Label()
		c.Title = sp.Title
		c.Status, c.StatusColor = fmt.Sprintf("%d đơn vị", len(sp.Units)), neutral
		c.Agency = sp.Scope
		c.Illustrative = sp.Illustrative
	}
	return c
}

func numberOf(p *model.Plan) string {
	s := ""
	if p.Document.Number != "" {
		s = "số " + p.Document.Number
	}
	if !p.Document.Date.IsZero() {
		s += " ngày " + p.Document.Date.VN()
	}
	return s + " của " + p.Document.Issuer
}
