// An ordinary Express API without Redis: request log by morgan, as many Render services have.
const express = require('express');
const morgan = require('morgan');
const app = express();
app.use(express.json());
app.use(morgan(':method :url :status :res[content-length] - :response-time ms'));
const products = [{ id: 1, name: 'mug' }, { id: 2, name: 'poster' }];
app.get('/api/health', (req, res) => res.json({ ok: true }));
app.get('/api/products', (req, res) => res.json(products));
app.get('/api/products/:id', (req, res) => {
  const p = products.find((x) => String(x.id) === req.params.id);
  if (!p) return res.status(404).json({ error: 'not found' });
  res.json(p);
});
app.post('/api/orders', (req, res) => { console.log(`order created for product ${req.body.productId}`); res.status(201).json({ id: 17 }); });
const port = process.env.PORT || 3000;
app.listen(port, () => console.log(`Server listening on port ${port}`));
