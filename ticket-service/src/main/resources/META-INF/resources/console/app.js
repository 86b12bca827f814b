// Boots the console: who is logged in, the queue and the ticket from the address (#view/ticketId), the live stream.
'use strict';

const Live = {
    source: null,

    /** One EventSource for the current view; the session cookie logs it in. */
    watch(view) {
        if (this.source) this.source.close();
        const status = document.getElementById('live-status');
        status.textContent = 'Connecting…';
        status.className = 'live-status';
        const source = new EventSource('/api/stream?view=' + encodeURIComponent(view));
        this.source = source;
        source.addEventListener('ready', () => {
            status.textContent = 'Live';
            status.className = 'live-status live';
        });
        source.addEventListener('change', e => {
            const change = JSON.parse(e.data);
            Queue.changed(change);
            if (change.ticketId === TicketPane.id) TicketPane.changed();
        });
        source.onerror = () => {
            if (source !== this.source) return;
            status.textContent = 'Reconnecting…';
            status.className = 'live-status offline';
            // A closed stream after an error is usually an expired session: check, the API sends us to the login.
            if (source.readyState === EventSource.CLOSED) Api.get('/api/me').then(() => setTimeout(() => this.watch(view), 2000));
        };
    },
};

function route() {
    const [view, ticket] = location.hash.replace(/^#/, '').split('/');
    return { view: view || 'mine', ticket: ticket || null };
}

async function boot() {
    const me = await Api.get('/api/me');
    document.getElementById('agent-name').textContent = me.name + ' · ' + Fmt.label(me.role);
    document.getElementById('logout').addEventListener('click', async () => {
        await Api.post('/api/logout');
        location.href = 'login.html';
    });
    await TicketPane.init();
    const start = route();
    Queue.init(start.view, () => {}, view => {
        Live.watch(view);
        const current = route();
        if (current.view !== view) history.replaceState(null, '', '#' + view + (current.ticket ? '/' + current.ticket : ''));
    });
    const openFromAddress = () => {
        const r = route();
        if (r.view !== Queue.view) Queue.show(r.view);
        Queue.select(r.ticket);
        TicketPane.open(r.ticket);
    };
    window.addEventListener('hashchange', openFromAddress);
    openFromAddress();
}

boot();
