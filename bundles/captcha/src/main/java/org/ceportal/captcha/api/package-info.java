/**
 * Image captchas: {@link org.ceportal.captcha.api.CaptchaService#issue()} makes one,
 * {@link org.ceportal.captcha.api.CaptchaService#verify} consumes it. A captcha is
 * single-use (the first attempt consumes it, right or wrong) and expires. The state
 * lives in the database, so any node can verify what another issued.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.ceportal.captcha.api;
