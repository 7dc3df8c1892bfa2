// 首页 (public): the function tiles follow what is installed now (GET /api/portal → apis), and a visitor who
// is logged in is offered 「进入个人后台」 and his name instead of 登录 / 个人注册.
document.addEventListener('DOMContentLoaded', async () => {
  'use strict';
  const { h } = Portal;
  const $ = (id) => document.getElementById(id);

  // the user, null (nobody logged in) or undefined (the server could not be asked: shown as anonymous)
  const visitor = Portal.me().catch(() => undefined);

  visitor.then((user) => {
    if (user) {
      $('hero-user-name').textContent = user.name || user.login || '';
      $('hero-user').hidden = false;
      $('enter-home').hidden = false;
    } else {
      $('hero-login').hidden = false;
      $('hero-register').hidden = false;
    }
  });

  // The tiles are drawn once both the installed paths and the visitor are known: nothing flashes 「即将开放」.
  const [has, user] = await Promise.all([Portal.installed(), visitor]);
  const section = $('features');

  function tile(el) {
    const d = el.dataset;
    const label = (el.querySelector('h3') || el).textContent.trim();
    const text = (el.querySelector('p') || { textContent: '' }).textContent.trim();
    const page = Portal.localHref(d.href);
    const hidden = (d.auth === 'anonymous' && !!user) || (d.auth === 'user' && !user);
    const head = (badge) => h('h3', null, label, ' ', badge);
    if (page && has(d.api)) {
      // an anonymous visitor goes to 登录 first and then on to the page (as the page's own requireLogin would)
      const href = 'login' in d && user === null ? '/login.html' + Portal.query({ next: page }) : page;
      return h('a', {
        class: 'feature', href, hidden, 'data-function': d.function, 'data-available': 'true',
        'data-href': page, 'data-api': d.api, 'data-login': 'login' in d, 'data-auth': d.auth,
      }, head(h('span', { class: 'badge badge-open' }, '已开放')), h('p', null, text));
    }
    return h('div', {
      class: 'feature is-disabled', 'aria-disabled': 'true', title: '即将开放', hidden,
      'data-function': d.function, 'data-available': 'false',
      'data-href': page, 'data-api': d.api, 'data-login': 'login' in d, 'data-auth': d.auth,
    }, head(h('span', { class: 'badge' }, '即将开放')), h('p', null, text));
  }

  section.querySelectorAll('.feature[data-function]').forEach((el) => el.replaceWith(tile(el)));
  section.removeAttribute('aria-busy');
});
