package site

import (
	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
)

// drawHistories draws every metric's figures over the years for its own
// page, here with the rest of the content, so that rendering cannot fail.
func (s *Site) drawHistories(problems *diag.List) {
	s.Histories = map[string]*figures.Figure{}
	for _, m := range s.Data.Metrics {
		fig, err := figures.History(s.Data, m.ID)
		if err != nil {
			problems.Errorf(metricsFile(m), 0, 0, "metric %q: its history cannot be drawn: %v", m.ID, err)
			continue
		}
		if fig != nil {
			s.Histories[m.ID] = fig
		}
	}
}

func metricsFile(m *data.Metric) string {
	if m.Study != nil {
		return "data/studies.toml"
	}
	return "data/metrics.toml"
}
