package refs

import (
	"errors"
	"fmt"
	"math"
	"report/internal/lang"
	"strconv"
	"strings"
)

// rounding is how a reference rounds its figure: to the nearest multiple of
// step ("omkring 12.000"), or down ("over 60 lande") or up ("næsten 8.500"),
// so that the word before the figure stays true.
type rounding struct {
	step    float64
	dir     int // -1 down, 0 nearest, +1 up
	written string
}

const optionsHelp = "the options are round=N (to the nearest N, like round=1000), round-down=N (for \"over …\"), round-up=N (for \"næsten …\") and printed=X (the figure the source printed, when it disagrees with the data)"

func (r *rounding) parse(opt string, res *Result) error {
	key, val, _ := strings.Cut(opt, "=")
	if key == "printed" && val != "" {
		res.Printed = val
		return nil
	}
	dirs := map[string]int{"round": 0, "round-down": -1, "round-up": 1}
	dir, known := dirs[key]
	if !known {
		return fmt.Errorf("unknown option %q; %s", opt, optionsHelp)
	}
	if r.step > 0 {
		return errors.New("give one rounding option, not two")
	}
	step, err := strconv.ParseFloat(val, 64)
	if err != nil || !lang.ValidStep(step) {
		return fmt.Errorf("%s must round to a step like 10, 100, 500 or 1000, not %q", key, val)
	}
	r.step, r.dir, r.written = step, dir, opt
	return nil
}

func (r rounding) apply(v float64) float64 {
	switch r.dir {
	case -1:
		return math.Floor(v/r.step) * r.step
	case 1:
		return math.Ceil(v/r.step) * r.step
	}
	return lang.Rounded(v, r.step)
}

// FinerStep is the coarsest step people round to (lang.ValidStep) finer
// than step that rounds v to the nearest within MaxRoundingOff of it;
// false when none does, and the figure is better shown as it is.
func FinerStep(v, step float64) (float64, bool) {
	for exp := 6; exp >= 0; exp-- {
		for _, m := range []float64{5, 2.5, 2, 1} {
			s := m * math.Pow10(exp)
			if s < step && lang.ValidStep(s) && math.Abs(lang.Rounded(v, s)-v) <= math.Abs(v)*MaxRoundingOff/100 {
				return s, true
			}
		}
	}
	return 0, false
}

// RoundingAdvice is the message for a figure that rounding moved too far,
// with a finer step that keeps it close (see FinerStep), or, where none
// does, the advice to show the figure as it is.
func RoundingAdvice(r Result) string {
	msg := fmt.Sprintf("%s shows %s as %s, %s %% off, more than the %s %% a reader would expect from the word before it", r.Option, r.Exact, r.Text, lang.Danish.Number(r.Off, 1), lang.Danish.Number(MaxRoundingOff, 1))
	if r.finer == 0 {
		return msg + "; leave the rounding out, and the figure is shown as it is"
	}
	return msg + "; use a finer step (round=" + strconv.FormatFloat(r.finer, 'f', -1, 64) + "), or round-down=/round-up= to match \"over\" or \"næsten\""
}
