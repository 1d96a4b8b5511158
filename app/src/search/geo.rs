//! Great-circle distance. Points are kept as unit vectors, so "within r km" is one comparison of the
//! squared chord against a limit computed once per query; kilometres are derived from the same
//! chord, so a distance shown and a radius applied can never disagree.

const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A WGS 84 point as a unit vector.
pub fn unit(lat: f64, lon: f64) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The squared chord between two unit vectors (monotone in the great-circle distance).
pub fn chord2(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (x, y, z) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    x * x + y * y + z * z
}

/// The squared chord of a great-circle distance in km: the limit for "within `km`".
pub fn chord2_for_km(km: f64) -> f64 {
    let half = (km / (2.0 * EARTH_RADIUS_KM)).min(std::f64::consts::FRAC_PI_2).sin();
    4.0 * half * half
}

/// The great-circle distance in km of a squared chord.
pub fn km_from_chord2(c2: f64) -> f64 {
    2.0 * EARTH_RADIUS_KM * (c2.sqrt() / 2.0).min(1.0).asin()
}

/// Great-circle distance in km between two (lat, lon) points (the tests' plain measure).
#[cfg(test)]
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    km_from_chord2(chord2(unit(a.0, a.1), unit(b.0, b.1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Haversine, the textbook formula, as an independent check.
    fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
        let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
        let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
        let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
    }

    #[test]
    fn known_distances() {
        let bochum = (51.4818, 7.2162);
        let dortmund = (51.5136, 7.4653);
        let essen = (51.4556, 7.0116);
        let d = distance_km(bochum, dortmund);
        assert!((17.0..18.0).contains(&d), "Bochum–Dortmund {d}");
        let d = distance_km(bochum, essen);
        assert!((14.0..15.0).contains(&d), "Bochum–Essen {d}");
        assert_eq!(distance_km(bochum, bochum), 0.0);
        assert!((distance_km((0.0, 0.0), (0.0, 180.0)) - 20015.1).abs() < 1.0);
    }

    #[test]
    fn chord_agrees_with_haversine_and_limits_are_consistent() {
        let bochum = (51.4818, 7.2162);
        for (i, other) in [(51.5136, 7.4653), (51.4556, 7.0116), (51.3671, 7.4633), (51.49, 7.22), (48.1, 11.6)]
            .into_iter()
            .enumerate()
        {
            let (d, h) = (distance_km(bochum, other), haversine(bochum, other));
            assert!((d - h).abs() < 1e-6, "case {i}: {d} vs {h}");
            let c2 = chord2(unit(bochum.0, bochum.1), unit(other.0, other.1));
            assert!(c2 <= chord2_for_km(d + 1e-6) && c2 > chord2_for_km(d - 1e-6), "case {i}");
        }
    }
}
