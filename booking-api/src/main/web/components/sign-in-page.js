import { html, nothing } from 'lit';
import { LightElement } from '../base.js';
import { get, post } from '../api.js';

/** Email and password; on success fires `signed-in` with the member from /api/me. */
class SignInPage extends LightElement {
  static properties = { error: { state: true }, busy: { state: true } };

  firstUpdated() {
    document.title = 'Sign in · Private Lessons';
    this.querySelector('input[name=email]').focus();
  }

  async _submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    this.error = null;
    try {
      await post('/api/auth/login', { email: form.get('email'), password: form.get('password') });
      const me = await get('/api/me');
      this.dispatchEvent(new CustomEvent('signed-in', { detail: me, bubbles: true }));
    } catch (e) {
      this.error = e.status === 401 ? 'Wrong email or password.' : e.detail;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`
      <main>
        <section class="sign-in card" aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">Sign in</h1>
          <p class="hint">Private lessons: book, confirm and talk with your instructor.</p>
          <form @submit=${(e) => this._submit(e)}>
            <label class="field"><span>Email</span>
              <input name="email" type="email" autocomplete="username" required></label>
            <label class="field"><span>Password</span>
              <input name="password" type="password" autocomplete="current-password" required></label>
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <button class="btn btn-primary" type="submit" ?disabled=${this.busy}>Sign in</button>
          </form>
        </section>
      </main>`;
  }
}

customElements.define('sign-in-page', SignInPage);
