//! Pixel-space geometry: simplifying to the zoom level and clipping to the image, so that
//! what is drawn (and written into an SVG) is only what can be seen.

pub(crate) type Pt = [f64; 2];

/// A rectangle in pixels, slightly larger than the image so clipped edges fall outside it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rect {
    pub min: Pt,
    pub max: Pt,
}

/// Douglas-Peucker: keeps the points that stray more than `tolerance` pixels from the line
/// through the points kept either side. Ends are kept, so arcs still meet their neighbours.
pub(crate) fn simplify(points: &[Pt], tolerance: f64) -> Vec<Pt> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    // An explicit stack: some coastlines have thousands of points in one arc.
    let mut stack = vec![(0, points.len() - 1)];
    let tolerance2 = tolerance * tolerance;
    while let Some((first, last)) = stack.pop() {
        let mut worst = (0.0, 0);
        for (i, p) in points.iter().enumerate().take(last).skip(first + 1) {
            let d = distance2_to_segment(*p, points[first], points[last]);
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance2 {
            keep[worst.1] = true;
            stack.push((first, worst.1));
            stack.push((worst.1, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn distance2_to_segment(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    // A closed arc starts and ends at one point; then the distance is to that point.
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    ex * ex + ey * ey
}

/// Sutherland-Hodgman against each side of the rectangle in turn. Correct for any polygon
/// against a convex window; where a shape leaves and re-enters, the result runs along the
/// window's edge, which is outside the image.
pub(crate) fn clip_polygon(ring: &[Pt], rect: Rect) -> Vec<Pt> {
    let mut current = ring.to_vec();
    for (axis, bound, keep_below) in [
        (0, rect.min[0], false),
        (0, rect.max[0], true),
        (1, rect.min[1], false),
        (1, rect.max[1], true),
    ] {
        if current.is_empty() {
            break;
        }
        let inside = |p: &Pt| {
            if keep_below {
                p[axis] <= bound
            } else {
                p[axis] >= bound
            }
        };
        let mut next = Vec::with_capacity(current.len() + 4);
        let mut prev = current[current.len() - 1];
        for &p in &current {
            match (inside(&prev), inside(&p)) {
                (true, true) => next.push(p),
                (true, false) => next.push(crossing(prev, p, axis, bound)),
                (false, true) => {
                    next.push(crossing(prev, p, axis, bound));
                    next.push(p);
                }
                (false, false) => {}
            }
            prev = p;
        }
        current = next;
    }
    current
}

fn crossing(a: Pt, b: Pt, axis: usize, bound: f64) -> Pt {
    let t = (bound - a[axis]) / (b[axis] - a[axis]);
    let mut p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    p[axis] = bound; // exact, whatever the rounding above
    p
}

/// The parts of a polyline inside the rectangle, each a polyline of its own.
pub(crate) fn clip_polyline(line: &[Pt], rect: Rect) -> Vec<Vec<Pt>> {
    let mut runs = Vec::new();
    let mut run: Vec<Pt> = Vec::new();
    for pair in line.windows(2) {
        match clip_segment(pair[0], pair[1], rect) {
            Some((a, b)) => {
                if run.last() != Some(&a) {
                    if run.len() >= 2 {
                        runs.push(std::mem::take(&mut run));
                    }
                    run.clear();
                    run.push(a);
                }
                run.push(b);
            }
            None => {
                if run.len() >= 2 {
                    runs.push(std::mem::take(&mut run));
                }
                run.clear();
            }
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

/// Liang-Barsky: the part of segment a-b inside the rectangle, if any.
fn clip_segment(a: Pt, b: Pt, rect: Rect) -> Option<(Pt, Pt)> {
    let d = [b[0] - a[0], b[1] - a[1]];
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for axis in 0..2 {
        for (p, q) in [
            (-d[axis], a[axis] - rect.min[axis]),
            (d[axis], rect.max[axis] - a[axis]),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| [a[0] + t * d[0], a[1] + t * d[1]];
    Some((
        if t0 == 0.0 { a } else { at(t0) },
        if t1 == 1.0 { b } else { at(t1) },
    ))
}
