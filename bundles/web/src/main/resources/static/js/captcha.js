/*
 * The single-use captcha of 登录, 注册 and 注册审核状态查询 (POST /api/captchas → {id, image, expiresAt}).
 *
 * A page includes, after portal.js and before its own script:
 *   <script src="/js/captcha.js" defer></script>
 * and inside its form the block of login.html: the input #captchaAnswer (name="captchaAnswer"),
 * the button #captcha-refresh holding the image #captcha-image and the text #captcha-status,
 * the help #captcha-help and the error slot #captchaAnswer-error (data-error-for="captchaAnswer").
 *
 *   const captcha = Captcha.attach(form);   // loads the first captcha at once
 *   body.captchaId = captcha.id();          // null while loading or after a failed load
 *   body.captchaAnswer = captcha.answer();
 *   ... after a call that checked the captcha (right or wrong it is used up): captcha.reset();
 *
 * Attach returns {
 *   id()      the id of the captcha shown, or null when none is ready,
 *   answer()  the typed answer, trimmed,
 *   loading() true while a captcha is being fetched,
 *   ready()   true when a captcha is shown; otherwise says 「验证码尚未加载…」 as the field's error,
 *             focuses the answer, fetches a captcha unless one is on the way, and gives false,
 *   reload()  fetch a new captcha (the typed answer stays); resolves when done, never rejects,
 *   reset()   clear the typed answer and reload(),
 *   stop()    forget the captcha and stop the automatic renewal (e.g. once the form is done with),
 * }.
 * Clicking the picture gets a new one; a captcha is renewed by itself 5 s before it expires
 * (an expired one would only earn 「验证码错误」). When fetching fails (network, 429
 * too_many_attempts, 503 captcha_busy) the picture says 「点击重新获取」 and the server's
 * message shows as the field's error.
 *
 * Options (all optional; an element or an element id): answer, image, refresh, status.
 * Exposes the global `Captcha`.
 */
(function () {
  'use strict';

  const RENEW_BEFORE_MS = 5000;

  const element = (v, fallbackId) => (v instanceof Element ? v : document.getElementById(v || fallbackId));

  function attach(form, options = {}) {
    const answer = element(options.answer, 'captchaAnswer');
    const image = element(options.image, 'captcha-image');
    const refresh = element(options.refresh, 'captcha-refresh');
    const status = element(options.status, 'captcha-status');
    const field = answer.name || answer.id;

    let captchaId = null;
    let ticket = 0; // only the answer to the latest request counts
    let expiryTimer = null;
    let ownError = false; // the field's error is ours (a failed load, 「尚未加载」): a loaded captcha clears it

    async function reload() {
      const t = ++ticket;
      captchaId = null;
      clearTimeout(expiryTimer);
      refresh.setAttribute('aria-busy', 'true');
      status.textContent = '加载中…';
      status.hidden = false;
      image.hidden = true;
      try {
        const c = await Portal.api('/captchas', { method: 'POST' });
        if (t !== ticket) return;
        captchaId = c.id;
        image.src = c.image;
        image.hidden = false;
        status.hidden = true;
        if (ownError) Portal.clearErrors(form, field);
        ownError = false;
        const left = Date.parse(c.expiresAt) - Date.now();
        if (left > 0) expiryTimer = setTimeout(reset, Math.max(left - RENEW_BEFORE_MS, RENEW_BEFORE_MS));
      } catch (e) {
        if (t !== ticket) return;
        image.removeAttribute('src');
        status.textContent = '点击重新获取';
        ownError = true;
        Portal.clearErrors(form, field);
        Portal.showFieldError(form, field, `验证码获取失败：${e.message}`);
      } finally {
        if (t === ticket) refresh.removeAttribute('aria-busy');
      }
    }

    function reset() {
      answer.value = '';
      return reload();
    }

    function ready() {
      if (captchaId) return true;
      Portal.clearErrors(form, field);
      Portal.showFieldErrors(form, [{ field, message: '验证码尚未加载，请稍候或点击图片重新获取' }]);
      ownError = true;
      if (!refresh.hasAttribute('aria-busy')) reload();
      return false;
    }

    function stop() {
      ticket++;
      captchaId = null;
      clearTimeout(expiryTimer);
      refresh.removeAttribute('aria-busy');
    }

    refresh.addEventListener('click', () => {
      reset();
      answer.focus();
    });
    reload();

    return {
      id: () => captchaId,
      answer: () => answer.value.trim(),
      loading: () => refresh.hasAttribute('aria-busy'),
      ready,
      reload,
      reset,
      stop,
    };
  }

  window.Captcha = { attach };
})();
