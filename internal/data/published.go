package data

import (
	"fmt"
	"time"
)

// PubDate is the day an edition came out, or as much of it as is known:
// a printed report's source may give the year alone ("Performanceregnskab
// 2016"), and the site states no more than it knows. An edition's file
// writes it as a day, published = 2017-06-01, or a year, published = 2016.
type PubDate struct {
	Year  int
	Month time.Month // 0 when only the year is known
	Day   int        // 0 when only the year is known
}

// UnmarshalTOML reads a TOML local date or a year. The TOML parser gives a
// date without a zone in the machine's zone; only its day is kept, so that
// the same file gives the same feed under any TZ.
func (p *PubDate) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case time.Time:
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 || v.Nanosecond() != 0 {
			return fmt.Errorf("published is a day, without a time: published = %s", v.Format("2006-01-02"))
		}
		p.Year, p.Month, p.Day = v.Date()
	case int64:
		if v < 1900 || v > 9999 {
			return fmt.Errorf("published = %d is not a year: write the day, published = 2017-06-01, or the year, published = 2017", v)
		}
		p.Year = int(v)
	default:
		return fmt.Errorf("published is a day, published = 2017-06-01, or a year, published = 2017, not %v", v)
	}
	return nil
}

// IsZero reports whether no date is given.
func (p PubDate) IsZero() bool { return p.Year == 0 }

// Start is the first day of the date: the day itself, or January 1st of a
// year given alone. Only formats that must have a day (an Atom feed's
// updated) use it.
func (p PubDate) Start() time.Time {
	if p.Day == 0 {
		return time.Date(p.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(p.Year, p.Month, p.Day, 0, 0, 0, 0, time.UTC)
}

// W3C is the date as W3C Datetime writes it, with no more than is known:
// "2017-06-01" or "2016". Sitemaps and XMP take it as it is.
func (p PubDate) W3C() string {
	if p.Day != 0 {
		return p.Start().Format("2006-01-02")
	}
	return fmt.Sprintf("%04d", p.Year)
}

// PDF is the date as a PDF's document information writes it, with no more
// than is known: "D:20170601" or "D:2016" (ISO 32000-1, 7.9.4).
func (p PubDate) PDF() string {
	if p.Day != 0 {
		return "D:" + p.Start().Format("20060102")
	}
	return fmt.Sprintf("D:%04d", p.Year)
}
