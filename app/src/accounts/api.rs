//! Server functions for accounts: thin wrappers over `service` (which authorizes every call).
use leptos::prelude::*;

use super::model::AccountInfo;
use crate::error::AppError;

#[server(endpoint = "sign_up")]
pub async fn sign_up(email: String, password: String) -> Result<(), AppError> {
    crate::error::respond_and_go(super::service::sign_up(&email, password).await, "/merkliste")
}

#[server(endpoint = "sign_in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    crate::error::respond_and_go(super::service::sign_in(&email, password).await, "/merkliste")
}

#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::error::respond_and_go(super::service::sign_out().await, "/")
}

#[server(endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    crate::error::respond_and_go(super::service::sign_out_everywhere().await, "/")
}

#[server(endpoint = "change_password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<(), AppError> {
    crate::error::respond(super::service::change_password(current_password, new_password).await)
}

#[server(endpoint = "delete_account")]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    crate::error::respond_and_go(super::service::delete_account(password).await, "/")
}

/// The signed-in account, or `None`.
#[server(endpoint = "current_account")]
pub async fn current_account() -> Result<Option<AccountInfo>, AppError> {
    crate::error::respond(super::service::account_info().await)
}
