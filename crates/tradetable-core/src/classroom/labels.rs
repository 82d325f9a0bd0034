//! Where a chart's labels go: beside their markers, overlapping no marker and no other label, in screen units (x to
//! the right, y down). The debrief page and the game's Debrief screen both place their table tags with it, so a label
//! stays next to its dot however many tables crowd the plane: a label that finds no room beside its dot moves
//! further out and is tied to it by a leader line, and one anchored on the side of its dot grows away from it, so a
//! misjudged text width never pulls it off its dot.

/// Which end of the text sits at the label's point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts there (labels to the right of their marker).
    Start,
    /// The text is centred there (labels above or below).
    Middle,
    /// The text ends there (labels to the left).
    End,
}

/// A label placed: where its text goes, and a leader line when it sits away from its marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Its lines, top to bottom.
    pub lines: Vec<String>,
    /// The x of the anchor.
    pub x: f64,
    /// The top of the box the lines fill.
    pub top: f64,
    /// How the lines are anchored at `x`.
    pub anchor: Anchor,
    /// The box: left, top, right, bottom.
    pub rect: [f64; 4],
    /// From the marker's edge to the nearest point of the box, when the label is not right beside its marker.
    pub leader: Option<[f64; 4]>,
}

/// Places labels one after another in a rectangle, each where it overlaps least of what is already there.
#[derive(Debug, Clone)]
pub struct Labels {
    taken: Vec<[f64; 4]>,
    bounds: [f64; 4],
    char_width: f64,
    line_height: f64,
}

/// The furthest ring a label tries, in line heights beyond its marker.
const RINGS: usize = 4;

impl Labels {
    /// Labels inside `bounds` (left, top, right, bottom), in text whose characters are about `char_width` wide
    /// and whose lines are `line_height` apart.
    pub fn new(bounds: [f64; 4], char_width: f64, line_height: f64) -> Labels {
        Labels {
            taken: Vec::new(),
            bounds,
            char_width,
            line_height,
        }
    }

    /// Marks a marker of radius `r` at (x, y): no label goes over it.
    pub fn mark(&mut self, x: f64, y: f64, r: f64) {
        self.taken.push([x - r, y - r, x + r, y + r]);
    }

    fn overlap(a: &[f64; 4], b: &[f64; 4]) -> f64 {
        let w = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
        let h = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
        w * h
    }

    /// Places `lines` beside the marker of radius `r` at (x, y): right, left, above, below, then the diagonals, first
    /// right beside it and then in rings further out (with a leader line); the first place that overlaps nothing, or
    /// the least crowded of all when every one does.
    pub fn place(&mut self, x: f64, y: f64, r: f64, lines: Vec<String>) -> Placed {
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
        let (w, h) = (longest * self.char_width, lines.len().max(1) as f64 * self.line_height);
        let mut best: Option<(f64, [f64; 4], Anchor, f64, usize)> = None;
        'rings: for ring in 0..RINGS {
            let gap = r + 3.0 + ring as f64 * self.line_height * 1.2;
            let diagonal = gap * 0.75;
            // (left, top, anchor, anchor x) of each place around the marker.
            let candidates = [
                (x + gap, y - h / 2.0, Anchor::Start, x + gap),
                (x - gap - w, y - h / 2.0, Anchor::End, x - gap),
                (x - w / 2.0, y - gap - h, Anchor::Middle, x),
                (x - w / 2.0, y + gap, Anchor::Middle, x),
                (x + diagonal, y - diagonal - h, Anchor::Start, x + diagonal),
                (x + diagonal, y + diagonal, Anchor::Start, x + diagonal),
                (x - diagonal - w, y - diagonal - h, Anchor::End, x - diagonal),
                (x - diagonal - w, y + diagonal, Anchor::End, x - diagonal),
            ];
            for (left, top, anchor, anchor_x) in candidates {
                let rect = [left, top, left + w, top + h];
                let outside = (self.bounds[0] - rect[0]).max(0.0)
                    + (rect[2] - self.bounds[2]).max(0.0)
                    + (self.bounds[1] - rect[1]).max(0.0)
                    + (rect[3] - self.bounds[3]).max(0.0);
                let crowding = self.taken.iter().map(|t| Self::overlap(t, &rect)).sum::<f64>() + outside * h * 10.0;
                // Further out costs a little, so a slightly crowded place beside the marker can beat a far one.
                let cost = crowding + ring as f64 * w * h * 0.25;
                if best.is_none_or(|(c, ..)| cost < c) {
                    best = Some((cost, rect, anchor, anchor_x, ring));
                }
                if crowding == 0.0 {
                    best = Some((cost, rect, anchor, anchor_x, ring));
                    break 'rings;
                }
            }
        }
        let (_, rect, anchor, anchor_x, ring) = best.unwrap_or((0.0, [x, y, x, y], Anchor::Start, x, 0));
        self.taken.push(rect);
        let leader = (ring > 0).then(|| {
            // From the marker's edge towards the nearest point of the box.
            let nx = x.clamp(rect[0], rect[2]);
            let ny = y.clamp(rect[1], rect[3]);
            let (dx, dy) = (nx - x, ny - y);
            let length = (dx * dx + dy * dy).sqrt().max(1e-9);
            [x + dx / length * r, y + dy / length * r, nx, ny]
        });
        Placed {
            lines,
            x: anchor_x,
            top: rect[1],
            anchor,
            rect,
            leader,
        }
    }
}

/// Tags joined with commas into lines of at most `width` characters (a tag is never split).
pub fn wrap_tags(tags: &[&str], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (k, tag) in tags.iter().enumerate() {
        let piece = if k + 1 < tags.len() {
            format!("{tag},")
        } else {
            tag.to_string()
        };
        if !line.is_empty() && line.chars().count() + 1 + piece.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&piece);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_wrap_into_short_lines_without_splitting_a_tag() {
        assert_eq!(wrap_tags(&["1", "8", "15", "22", "29"], 9), vec!["1, 8, 15,", "22, 29"]);
        assert_eq!(wrap_tags(&["12"], 3), vec!["12"]);
        assert!(wrap_tags(&[], 9).is_empty());
    }

    #[test]
    fn sixty_labels_on_a_crowded_patch_stay_near_their_dots_and_never_overlap_while_there_is_room() {
        // 60 dots in a 10 x 6 grid, 30 px apart, in a roomy plot: every label fits without overlapping another.
        let mut labels = Labels::new([0.0, 0.0, 900.0, 600.0], 10.0, 17.0);
        let dots: Vec<(f64, f64)> = (0..60)
            .map(|k| (300.0 + f64::from(k % 10) * 30.0, 200.0 + f64::from(k / 10) * 30.0))
            .collect();
        for &(x, y) in &dots {
            labels.mark(x, y, 9.0);
        }
        let placed: Vec<Placed> = dots
            .iter()
            .enumerate()
            .map(|(k, &(x, y))| labels.place(x, y, 9.0, vec![(k + 1).to_string()]))
            .collect();
        for (k, a) in placed.iter().enumerate() {
            for b in &placed[k + 1..] {
                assert_eq!(
                    Labels::overlap(&a.rect, &b.rect),
                    0.0,
                    "{:?} and {:?} overlap",
                    a.lines,
                    b.lines
                );
            }
            // Tied to its dot: right beside it, or joined to it by a leader line that starts on the dot's edge.
            let (x, y) = dots[k];
            let dx = (a.rect[0] - x).max(x - a.rect[2]).max(0.0);
            let dy = (a.rect[1] - y).max(y - a.rect[3]).max(0.0);
            match a.leader {
                None => assert!((dx * dx + dy * dy).sqrt() <= (9.0 + 3.0) * 1.1, "{:?} drifted", a.lines),
                Some([x1, y1, ..]) => assert!(((x1 - x).powi(2) + (y1 - y).powi(2)).sqrt() <= 9.0 + 1e-6),
            }
        }
    }

    #[test]
    fn a_label_on_the_left_ends_at_its_dot_whatever_its_width() {
        let mut labels = Labels::new([0.0, 0.0, 100.0, 100.0], 10.0, 17.0);
        // No room on the right: the label goes left, anchored by its end beside the dot.
        let placed = labels.place(95.0, 50.0, 5.0, vec!["12, 13".to_string()]);
        assert_eq!(placed.anchor, Anchor::End);
        assert!((placed.x - (95.0 - 5.0 - 3.0)).abs() < 1e-9, "{}", placed.x);
    }
}
