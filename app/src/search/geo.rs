//! Great-circle distance.

const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Haversine distance in km between two WGS 84 points.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
