package sitegen

import (
	"congkhai/generator/fold"
	"congkhai/generator/schedule"
)

// listSize is the number of items on one page of a list (render's pageSize).
const listSize = 50

// pageCount estimates the pages a build makes of a site, as README "Site pages" lays them
// out; the package comment says how.
type pageCount struct {
	plans, tasks, agencies int
	periods                int // periods of 766 results
	procPages              int // procedures and their lists
	petPages               int // petitions and their lists
}

func (c pageCount) structure() int {
	n := 6 + c.plans + c.tasks + c.agencies + c.periods
	if c.periods > 0 {
		n++ // chi-so-766/
	}
	return n
}

func (c pageCount) total() int { return c.structure() + c.procPages + c.petPages }

// listPages is the pages of a list of n items (an empty list has no page).
func listPages(n int) int {
	if n == 0 {
		return 0
	}
	return (n + listSize - 1) / listSize
}

// groupPages is the pages of every list of a grouping.
func groupPages[K comparable](groups map[K]int) int {
	n := 0
	for _, c := range groups {
		n += listPages(c)
	}
	return n
}

// procedures counts the pages of a catalogue: each procedure, the whole list, and the lists
// by field, level, online level and agency.
func (c *pageCount) procedures(procs []*procInfo) {
	fields, levels, online, agencies := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, p := range procs {
		fields[fold.Slug(p.Field)]++
		for _, l := range p.Levels {
			levels[l]++
		}
		online[p.Online]++
		seen := map[string]bool{}
		for _, a := range p.Agencies {
			if a.Ref != "" && !seen[a.Ref] {
				seen[a.Ref] = true
				agencies[a.Ref]++
			}
		}
	}
	c.procPages = len(procs) + listPages(len(procs)) + groupPages(fields) + groupPages(levels) + groupPages(online) + groupPages(agencies)
}

// petitionPages counts the pages of petitions: each one, the whole list, and the lists by
// status, timeliness, year and agency.
func petitionPages(ps []*petition, asOf schedule.Date) int {
	status, timeliness, years, agencies := map[string]int{}, map[string]int{}, map[int]int{}, map[string]int{}
	for _, p := range ps {
		status[p.status]++
		due := p.due
		switch {
		case !p.answered.IsZero() && !p.answered.After(due):
			timeliness["dung-han"]++
		case !p.answered.IsZero():
			timeliness["tre-han"]++
		case asOf.After(due):
			timeliness["qua-han"]++
		default:
			timeliness["trong-han"]++
		}
		years[p.received.Year]++
		for _, a := range p.agencies {
			agencies[a]++
		}
	}
	return len(ps) + listPages(len(ps)) + groupPages(status) + groupPages(timeliness) + groupPages(years) + groupPages(agencies)
}
