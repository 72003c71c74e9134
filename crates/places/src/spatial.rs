//! Nearest place to a position: a k-d tree over points on the unit sphere. Working in 3-D
//! makes the antimeridian and the poles ordinary places, with no wrap-around cases.

/// An implicit tree: each slice's middle element is the node, splitting on axis depth % 3;
/// the halves before and after it are its subtrees.
pub struct KdTree {
    nodes: Vec<Node>,
}

#[derive(Clone, Copy)]
struct Node {
    point: [f32; 3],
    place: u32,
}

fn unit_vector(lat: f64, lon: f64) -> [f32; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [
        (lat.cos() * lon.cos()) as f32,
        (lat.cos() * lon.sin()) as f32,
        lat.sin() as f32,
    ]
}

fn distance2(a: [f32; 3], b: [f32; 3]) -> f32 {
    (0..3).map(|i| (a[i] - b[i]) * (a[i] - b[i])).sum()
}

impl KdTree {
    /// `points[i]` is the (lat, lon) of place `i`.
    pub fn new(points: impl Iterator<Item = (f64, f64)>) -> Self {
        let mut nodes: Vec<Node> = points
            .enumerate()
            .map(|(place, (lat, lon))| Node {
                point: unit_vector(lat, lon),
                place: place as u32,
            })
            .collect();
        split(&mut nodes, 0);
        KdTree { nodes }
    }

    /// The index of the place nearest to (lat, lon). Panics on an empty tree.
    pub fn nearest(&self, lat: f64, lon: f64) -> u32 {
        let target = unit_vector(lat, lon);
        let mut best = (f32::INFINITY, 0);
        search(&self.nodes, 0, target, &mut best);
        best.1
    }
}

fn split(nodes: &mut [Node], depth: usize) {
    if nodes.len() <= 1 {
        return;
    }
    let axis = depth % 3;
    let mid = nodes.len() / 2;
    nodes.select_nth_unstable_by(mid, |a, b| a.point[axis].total_cmp(&b.point[axis]));
    let (before, rest) = nodes.split_at_mut(mid);
    split(before, depth + 1);
    split(&mut rest[1..], depth + 1);
}

fn search(nodes: &[Node], depth: usize, target: [f32; 3], best: &mut (f32, u32)) {
    if nodes.is_empty() {
        return;
    }
    let mid = nodes.len() / 2;
    let node = nodes[mid];
    let d = distance2(node.point, target);
    // Ties go to the lower index, the more populous place.
    if d < best.0 || (d == best.0 && node.place < best.1) {
        *best = (d, node.place);
    }
    let axis = depth % 3;
    let offset = target[axis] - node.point[axis];
    let (near, far) = if offset < 0.0 {
        (&nodes[..mid], &nodes[mid + 1..])
    } else {
        (&nodes[mid + 1..], &nodes[..mid])
    };
    search(near, depth + 1, target, best);
    if offset * offset <= best.0 {
        search(far, depth + 1, target, best);
    }
}

#[cfg(test)]
mod tests {
    use super::KdTree;

    #[test]
    fn finds_the_nearest_point_across_the_antimeridian_and_near_poles() {
        let points = [
            (0.0, 179.5),
            (0.0, 170.0),
            (89.0, 0.0),
            (89.0, 180.0),
            (-10.0, -60.0),
        ];
        let tree = KdTree::new(points.into_iter());
        assert_eq!(tree.nearest(0.0, -179.8), 0);
        assert_eq!(tree.nearest(1.0, 171.0), 1);
        assert_eq!(tree.nearest(89.5, 170.0), 3);
        assert_eq!(tree.nearest(89.5, 10.0), 2);
        assert_eq!(tree.nearest(-12.0, -58.0), 4);
    }

    #[test]
    fn matches_a_brute_force_search() {
        // A deterministic scatter of points; every query must agree with a linear scan.
        let mut seed = 12345u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let points: Vec<(f64, f64)> = (0..2000)
            .map(|_| (next() * 180.0 - 90.0, next() * 360.0 - 180.0))
            .collect();
        let tree = KdTree::new(points.iter().copied());
        for _ in 0..500 {
            let (lat, lon) = (next() * 180.0 - 90.0, next() * 360.0 - 180.0);
            let target = super::unit_vector(lat, lon);
            let brute = (0..points.len())
                .min_by(|&a, &b| {
                    let da = super::distance2(super::unit_vector(points[a].0, points[a].1), target);
                    let db = super::distance2(super::unit_vector(points[b].0, points[b].1), target);
                    da.total_cmp(&db)
                })
                .unwrap();
            assert_eq!(tree.nearest(lat, lon) as usize, brute, "query {lat},{lon}");
        }
    }
}
