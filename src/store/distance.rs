//! `rally_km(lat1, lon1, lat2, lon2)`: the great-circle distance in km as an SQL function, so a
//! nearby search can rank and cut rows inside SQLite and hand over only the nearest. SQLite as
//! sqlx bundles it has no trigonometric functions; this is `geo::distance_km` itself, so SQL and
//! Rust agree to the last bit.
use std::ffi::c_int;

use libsqlite3_sys as ffi;
use sqlx::sqlite::SqliteConnection;

use crate::service::geo::distance_km;

const NAME: &[u8] = b"rally_km\0";

/// Registers the function on one connection (pools do it for each new connection).
pub(super) async fn register(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    // SAFETY: the handle is a live connection, locked for the duration of the call; the name is
    // NUL-terminated and static; the function keeps no user data.
    let rc = unsafe {
        ffi::sqlite3_create_function_v2(
            handle.as_raw_handle().as_ptr(),
            NAME.as_ptr().cast(),
            4,
            ffi::SQLITE_UTF8 | ffi::SQLITE_DETERMINISTIC | ffi::SQLITE_INNOCUOUS,
            std::ptr::null_mut(),
            Some(rally_km),
            None,
            None,
            None,
        )
    };
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(sqlx::Error::Configuration(
            format!("registering the rally_km SQL function failed with SQLite code {rc}").into(),
        ))
    }
}

/// SQLite calls this with the four arguments; NULL or non-numeric ones give NULL.
unsafe extern "C" fn rally_km(
    ctx: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: SQLite passes `argc` valid values in `argv` and a valid context, for this call only.
    unsafe {
        if argc != 4 || argv.is_null() {
            ffi::sqlite3_result_null(ctx);
            return;
        }
        let args = std::slice::from_raw_parts(argv, 4);
        let mut x = [0.0f64; 4];
        for (slot, value) in x.iter_mut().zip(args) {
            match ffi::sqlite3_value_numeric_type(*value) {
                ffi::SQLITE_FLOAT | ffi::SQLITE_INTEGER => {
                    *slot = ffi::sqlite3_value_double(*value)
                }
                _ => {
                    ffi::sqlite3_result_null(ctx);
                    return;
                }
            }
        }
        ffi::sqlite3_result_double(ctx, distance_km(x[0], x[1], x[2], x[3]));
    }
}

#[cfg(test)]
mod tests {
    use crate::service::geo::distance_km;
    use crate::store::Store;

    #[tokio::test]
    async fn sql_and_rust_distances_agree_exactly() {
        let store = Store::open_in_memory().await.unwrap();
        let cases = [
            (30.2672, -97.7431, 29.4241, -98.4936),
            (51.5, -0.12, 40.71, -74.0),
            (-16.5, 179.9, -16.4, -179.9),
            (89.9, 10.0, 89.9, -170.0),
            (0.0, 0.0, 0.0, 0.0),
        ];
        for (a, b, c, d) in cases {
            let sql: f64 = sqlx::query_scalar("SELECT rally_km(?1, ?2, ?3, ?4)")
                .bind(a)
                .bind(b)
                .bind(c)
                .bind(d)
                .fetch_one(store.pool())
                .await
                .unwrap();
            assert_eq!(
                sql.to_bits(),
                distance_km(a, b, c, d).to_bits(),
                "{a},{b} {c},{d}"
            );
        }
        let none: Option<f64> = sqlx::query_scalar("SELECT rally_km(1, 2, NULL, 'x')")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(none, None);
    }
}
