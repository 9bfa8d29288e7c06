package site

import (
	"context"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
	"report/internal/parallel"
)

// drawHistories draws every metric's figures over the years for its own
// page, here with the rest of the content, so that rendering cannot fail.
// They are drawn in parallel, as the pages' Markdown is: the 2016 edition
// has over sixty, each drawn wide and narrow.
func (s *Site) drawHistories(problems *diag.List) {
	metrics := s.Data.Metrics
	figs := make([]*figures.Figure, len(metrics))
	errs := make([]error, len(metrics))
	_ = parallel.Each(context.Background(), parallel.CPU, len(metrics), func(_ context.Context, i int) error {
		figs[i], errs[i] = figures.History(s.Data, metrics[i].ID)
		return nil // each metric's failure is reported below, every one of them
	})
	s.Histories = map[string]*figures.Figure{}
	for i, m := range metrics {
		switch {
		case errs[i] != nil:
			problems.Errorf(metricsFile(m), 0, 0, "metric %q: its history cannot be drawn: %v", m.ID, errs[i])
		case figs[i] != nil:
			s.Histories[m.ID] = figs[i]
		}
	}
}

func metricsFile(m *data.Metric) string {
	if m.Study != nil {
		return "data/studies.toml"
	}
	return "data/metrics.toml"
}
